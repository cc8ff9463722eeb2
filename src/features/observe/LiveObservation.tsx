import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import type {
  CycleId,
  CycleSnapshot,
  ModelContext,
  Phase,
  Run,
  RunId,
} from '../../model/cycleTypes.ts';
import { type ObservationEvent, startObservation } from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import { isInterviewEvent } from '../../model/interviews.ts';
import {
  formatClock,
  lastUndoable,
  lessonClock,
  lessonState,
  readRunTemplateTyped,
  recentRecords,
} from '../../model/liveObservation.ts';
import { predictionKey } from '../../model/predictions.ts';
import { setObserver } from '../../model/runs.ts';
import type { Template, TemplateItem } from '../../model/templates.ts';
import { journalEvent } from '../../store/eventJournal.ts';
import type { LocalMembership } from '../../store/memberships.ts';
import { formatDay } from '../plan/format.ts';
import { ShareLogButton } from '../timeline/LogFileActions.tsx';
import { describeEvent, type Lookups } from './describeEvent.ts';
import type { NoteTarget } from './ItemControl.tsx';
import { ItemsPanel } from './ItemsPanel.tsx';
import { NoteSheet } from './NoteSheet.tsx';
import { ObservationPhotos, TilePhotoButton } from './ObservationPhotos.tsx';
import { PhaseBar } from './PhaseBar.tsx';
import { PupilTile } from './PupilTile.tsx';
import { SaveBadge } from './SaveBadge.tsx';
import { StartPanel } from './StartPanel.tsx';
import { useNow } from './useNow.ts';
import { useObserverLog } from './useObserverLog.ts';
import { useRecorder } from './useRecorder.ts';
import { useWakeLock } from './useWakeLock.ts';

type Props = {
  doc: Y.Doc;
  docName: string;
  teamId: TeamId;
  cycleId: CycleId;
  cycle: CycleSnapshot;
  run: Run;
  runId: RunId;
  member: LocalMembership;
  teamDoc: Y.Doc | null;
  ctx: ModelContext;
  readOnly: boolean;
  backHref: string;
  timelineHref: string;
};

const NO_PHASES: readonly Phase[] = [];

export function LiveObservation(props: Props) {
  const { doc, docName, cycle, run, runId, member, ctx, readOnly } = props;
  const { t, i18n } = useTranslation();
  const me = member.memberId;
  const log = useObserverLog(doc, runId, me);
  const lesson = useMemo(() => lessonState(log.folded.effective), [log]);
  const started = lesson.start !== null;
  const ended = lesson.end !== null;
  const live = started && !ended;
  const now = useNow(live);
  const clockMs = lessonClock(lesson, now);
  const wakeLock = useWakeLock(live);

  const rl = cycle.researchLessons.find((each) => each.id === run.researchLessonId);
  const phases = rl?.phases ?? NO_PHASES;
  // The run's kijkwijzer copy is written with a start event: ours (`started`) or a colleague's,
  // whose transaction also changes the cycle snapshot. Taps leave it alone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: started and cycle stand for "a start was written"
  const template = useMemo(() => readRunTemplateTyped(doc, runId), [doc, runId, started, cycle]);
  const followed = run.observers.find((o) => o.memberId === me)?.casePupilIds ?? [];
  const pupils =
    followed.length > 0
      ? cycle.casePupils.filter((p) => followed.includes(p.id))
      : cycle.casePupils;
  const lookups: Lookups = { template, pupils: cycle.casePupils, phases };

  const lessonRef = useRef(lesson);
  lessonRef.current = lesson;
  const recorder = useRecorder({
    doc,
    docName,
    runId,
    observer: me,
    ctx,
    clock: () => lessonClock(lessonRef.current, Date.now()),
    phaseId: lesson.phaseId,
    onSaveFailed: () => showToast(t('observe.saved.failedLong')),
  });
  const { record } = recorder;

  const [note, setNote] = useState<NoteTarget | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);

  useEffect(() => {
    performance.mark('leskring:observe-ready');
  }, []);

  const describe = (event: ObservationEvent) => describeEvent(t, event, lookups);

  function safely(write: () => void) {
    try {
      write();
    } catch (error) {
      showToast(
        t('observe.errors.record', { reason: error instanceof Error ? error.message : '' }),
      );
    }
  }

  function start(chosen: Template | null) {
    safely(() => {
      if (!run.observers.some((o) => o.memberId === me)) setObserver(doc, runId, me, [], ctx);
      const event = startObservation(
        doc,
        runId,
        me,
        { phaseId: phases[0]?.id ?? null, ...(chosen ? { template: chosen } : {}) },
        ctx,
      );
      journalEvent(docName, runId, event).catch(() => showToast(t('observe.saved.failedLong')));
    });
  }

  function undo(target: ObservationEvent | null) {
    if (!target) return showToast(t('observe.undo.nothing'));
    safely(() => {
      const undoEvent = record({ kind: 'undo', target: target.id, phaseId: target.phaseId });
      showToast(t('observe.undo.done', { what: describe(target) }), {
        label: t('observe.undo.restore'),
        run: () => record({ kind: 'undo', target: undoEvent.id, phaseId: target.phaseId }),
      });
    });
  }

  const title = t('observe.runTitle', {
    rl: rl ? t('plan.rl.long', { number: rl.number }) : run.researchLessonId,
    date: run.date ? formatDay(run.date, i18n.language) : t('plan.runs.noDate'),
  });

  const header = (
    <header className="observe-bar">
      <Link href={props.backHref} className="back-link">
        ← {t('observe.back')}
      </Link>
      <h1 className="observe-title">
        {title}
        {run.className && (
          <span className="muted"> · {t('observe.inClass', { className: run.className })}</span>
        )}
      </h1>
      {started && (
        <span className="observe-clock" role="timer" aria-label={t('observe.clock.label')}>
          {formatClock(clockMs)}
        </span>
      )}
      <span className="observe-status" role="status">
        {recorder.failed
          ? t('observe.saved.failed')
          : recorder.busy
            ? t('observe.saved.statusSaving')
            : t('observe.saved.status')}
        {live && (
          <>
            {' · '}
            <span className={`observe-wake is-${wakeLock}`}>
              {t(`observe.wakeLock.${wakeLock}`)}
            </span>
          </>
        )}
        {log.colleagues > 0 && (
          <>
            {' · '}
            {t('observe.colleagues', { count: log.colleagues })}
          </>
        )}
      </span>
    </header>
  );

  if (!started) {
    return (
      <div className="observe">
        {header}
        {readOnly ? (
          <p className="notice">{t('observe.start.readOnly')}</p>
        ) : (
          <StartPanel
            runTemplate={template}
            teamDoc={props.teamDoc}
            phases={phases}
            followsText={
              followed.length > 0
                ? t('observe.start.follows', { pupils: pupils.map((p) => p.pseudonym).join(', ') })
                : t('observe.start.followsAll')
            }
            notPlanned={!run.observers.some((o) => o.memberId === me)}
            ctx={ctx}
            onStart={start}
          />
        )}
      </div>
    );
  }

  if (ended) {
    const count = log.folded.effective.filter(
      (e) => e.kind !== 'start' && e.kind !== 'end' && e.kind !== 'phase',
    ).length;
    return (
      <div className="observe">
        {header}
        <section className="observe-end stack">
          <h2>{t('observe.end.ended')}</h2>
          <p>{t('observe.end.summary', { count })}</p>
          <Link href={props.timelineHref} className="button-link primary">
            {t('observe.end.timeline')}
          </Link>
          <p className="muted">{t('observe.end.share')}</p>
          <ShareLogButton
            doc={doc}
            runId={runId}
            memberId={me}
            cycleTitle={cycle.meta.title}
            date={run.date}
          />
        </section>
      </div>
    );
  }

  const disabled = readOnly;
  const allItems: TemplateItem[] = (template?.sections ?? []).flatMap((s) => s.items);
  const pupilItems = allItems.filter((item) => item.scope === 'casePupil');
  const lastFor = (pupilId: string) => {
    for (let i = log.folded.effective.length - 1; i >= 0; i--) {
      const event = log.folded.effective[i];
      if (event?.pupilId === pupilId && event.kind !== 'phase' && !isInterviewEvent(event))
        return { text: describe(event), state: recorder.saveState(event.id) };
    }
    return null;
  };
  const openNote = (target: NoteTarget) => setNote(target);
  const recent = recentRecords(log.folded.effective, 4);

  return (
    <div className="observe is-live">
      {header}
      <PhaseBar
        phases={phases}
        lesson={lesson}
        clockMs={clockMs}
        disabled={disabled}
        onNext={(phase) => safely(() => record({ kind: 'phase', phaseId: phase.id }))}
      />

      <section className="observe-tiles" aria-label={t('observe.tiles.heading')}>
        {pupils.length === 0 ? (
          <p className="empty-state">{t('observe.tiles.empty')}</p>
        ) : (
          pupils.map((pupil) => (
            <PupilTile
              key={pupil.id}
              pupil={pupil}
              prediction={
                lesson.phaseId
                  ? (rl?.predictions.get(predictionKey(pupil.id, lesson.phaseId)) ?? '')
                  : ''
              }
              items={pupilItems}
              folded={log.folded}
              phaseId={lesson.phaseId}
              clockMs={clockMs}
              record={record}
              onNote={openNote}
              last={lastFor(pupil.id)}
              disabled={disabled}
              photo={
                <TilePhotoButton
                  teamId={props.teamId}
                  cycleId={props.cycleId}
                  label={t('observe.items.photoFor', { name: pupil.pseudonym })}
                  disabled={disabled}
                  onCaptured={(hash) => record({ kind: 'photo', photo: hash, pupilId: pupil.id })}
                />
              }
            />
          ))
        )}
      </section>

      {template && (
        <ItemsPanel
          template={template}
          folded={log.folded}
          phaseId={lesson.phaseId}
          clockMs={clockMs}
          record={record}
          onNote={openNote}
          disabled={disabled}
        />
      )}

      <section className="observe-recent" aria-labelledby="observe-recent-heading">
        <h2 id="observe-recent-heading" className="small">
          {t('observe.recent.heading')}
        </h2>
        {recent.length === 0 ? (
          <p className="muted small">{t('observe.recent.empty')}</p>
        ) : (
          <ul>
            {recent.map((event) => (
              <li key={event.id}>
                <span className="observe-recent-time">{formatClock(event.t)}</span>
                <span className="observe-recent-what">{describe(event)}</span>
                <SaveBadge state={recorder.saveState(event.id)} />
                {event.kind === 'note' && (
                  <button
                    type="button"
                    className="link-button"
                    disabled={disabled}
                    onClick={() =>
                      openNote({
                        item: null,
                        pupilId: event.pupilId ?? null,
                        editing: event,
                      })
                    }
                    aria-label={t('observe.note.editOne', { what: describe(event) })}
                  >
                    {t('observe.note.edit')}
                  </button>
                )}
                <button
                  type="button"
                  className="link-button"
                  disabled={disabled}
                  onClick={() => undo(event)}
                  aria-label={t('observe.undo.one', { what: describe(event) })}
                >
                  {t('common.undo')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ObservationPhotos
          teamId={props.teamId}
          cycleId={props.cycleId}
          events={log.folded.photos}
          lookups={lookups}
        />
      </section>

      <nav className="observe-actions" aria-label={t('observe.title')}>
        <button
          type="button"
          className="observe-tap"
          disabled={disabled}
          onClick={(e) => {
            e.currentTarget.focus();
            openNote({ item: null, pupilId: null });
          }}
        >
          ✎ {t('observe.note.button')}
        </button>
        <TilePhotoButton
          teamId={props.teamId}
          cycleId={props.cycleId}
          label={t('observe.photo.button')}
          disabled={disabled}
          onCaptured={(hash) => record({ kind: 'photo', photo: hash })}
        />
        <button
          type="button"
          className="observe-tap"
          disabled={disabled}
          onClick={() => undo(lastUndoable(log.folded.effective))}
        >
          ↶ {t('observe.undo.last')}
        </button>
        <button
          type="button"
          className="observe-tap danger"
          disabled={disabled}
          onClick={() => setConfirmEnd(true)}
        >
          {t('observe.end.button')}
        </button>
      </nav>

      <NoteSheet
        target={note}
        pupils={pupils}
        onClose={() => setNote(null)}
        onSave={(text, target) => {
          setNote(null);
          const { editing } = target;
          if (editing) {
            if (text !== editing.text)
              safely(() =>
                record({ kind: 'edit', target: editing.id, text, phaseId: editing.phaseId }),
              );
            return;
          }
          safely(() =>
            record({
              kind: 'note',
              text,
              ...(target.item ? { itemId: target.item.id } : {}),
              ...(target.pupilId ? { pupilId: target.pupilId } : {}),
            }),
          );
        }}
      />
      <ConfirmDialog
        open={confirmEnd}
        tone="primary"
        message={t('observe.end.confirm')}
        confirmLabel={t('observe.end.confirmButton')}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          safely(() => record({ kind: 'end' }));
        }}
      />
    </div>
  );
}
