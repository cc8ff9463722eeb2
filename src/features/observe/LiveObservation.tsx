import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { dismissActionToasts, showToast } from '../../app/ui/toasts.ts';
import { translator } from '../../i18n/translate.ts';
import type {
  CasePupilId,
  CycleId,
  CycleSnapshot,
  Phase,
  Run,
  RunId,
} from '../../model/cycleTypes.ts';
import { type DescribeContext, describeEvent } from '../../model/describeEvent.ts';
import {
  type FoldedObservation,
  OBSERVATION_KINDS,
  type ObservationEvent,
} from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import { isInterviewEvent } from '../../model/interviews.ts';
import {
  type LessonState,
  lastUndoable,
  lessonClock,
  lessonState,
  recentRecords,
} from '../../model/liveObservation.ts';
import { predictionKey } from '../../model/predictions.ts';
import { readRunTemplate, runItems } from '../../model/runTemplate.ts';
import type { Template } from '../../model/templates.ts';
import { startObserving } from '../../sync/commands/observation.ts';
import type { LocalMembership } from '../../sync/device.ts';
import { useSessionState } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { formatDay } from '../plan/format.ts';
import { ShareLogButton } from '../timeline/LogFileActions.tsx';
import { ActionBar } from './ActionBar.tsx';
import type { NoteTarget } from './ItemControl.tsx';
import { ItemsPanel } from './ItemsPanel.tsx';
import { NoteSheet } from './NoteSheet.tsx';
import { ObservationPhotos } from './ObservationPhotos.tsx';
import { ObserveHeader } from './ObserveHeader.tsx';
import { PhaseBar } from './PhaseBar.tsx';
import { PupilTile } from './PupilTile.tsx';
import { phaseTitle } from './phaseTitle.ts';
import { RecentList } from './RecentList.tsx';
import { StartPanel } from './StartPanel.tsx';
import { useLessonClock } from './useLessonClock.tsx';
import { useObserverLog } from './useObserverLog.ts';
import { useRecorder } from './useRecorder.ts';
import { useWakeLock } from './useWakeLock.ts';

type Props = {
  teamId: TeamId;
  cycleId: CycleId;
  cycle: CycleSnapshot;
  run: Run;
  runId: RunId;
  member: LocalMembership;
  readOnly: boolean;
  backHref: string;
  timelineHref: string;
  /** A lesson of a coaching track (coaching.ts), not of a lesson-study cycle: no case pupils, no research lesson. */
  coaching?: boolean;
};

const NO_PHASES: readonly Phase[] = [];

/** Says that a write was refused: by the model (a RangeError) or by a document closed meanwhile. */
function showRefusal(t: TFunction, error: unknown): void {
  showToast(t('observe.errors.record', { reason: error instanceof Error ? error.message : '' }));
}

/** Runs a write; a refused one becomes a translated toast. */
function recordSafely(t: TFunction, write: () => void): void {
  try {
    write();
  } catch (error) {
    showRefusal(t, error);
  }
}
const NO_PUPILS: readonly CasePupilId[] = [];

/**
 * Per case pupil, the latest lesson record and a version of their tile: it
 * changes with every record of theirs, and for everyone with every
 * correction (undo, edit), which may change any tile.
 */
function tileReadings(folded: FoldedObservation) {
  const counts = new Map<string, number>();
  const last = new Map<string, ObservationEvent>();
  for (const event of folded.effective) {
    if (!OBSERVATION_KINDS.has(event.kind) || isInterviewEvent(event)) continue;
    const key = event.pupilId ?? CLASS;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    last.set(key, event);
  }
  const version = (pupilId: string) =>
    `${counts.get(pupilId) ?? 0}|${last.get(pupilId)?.id ?? ''}|${folded.targets.size}`;
  return { version, last };
}

/** The key of records about the class or teacher (no pupil) in tileReadings. */
const CLASS = '';

export function LiveObservation(props: Props) {
  const { cycle, run, runId, member, readOnly } = props;
  const { t, i18n } = useTranslation();
  const session = useSession('cycle');
  const doc = session.doc;
  const me = member.memberId;
  const log = useObserverLog(doc, runId, me);
  const lessonRef = useRef<LessonState | null>(null);
  const recorder = useRecorder({
    session,
    runId,
    observer: me,
    clock: () => (lessonRef.current ? lessonClock(lessonRef.current, Date.now()) : 0),
    phase: () => lessonRef.current?.phaseId ?? null,
    onRefused: (error) => showRefusal(t, error),
  });
  const { record } = recorder;
  const saveFails = useSessionState(session, (state) => state.save === 'failed');
  // Once per spell of failing writes (the store retries them; the app's banner says so too).
  useEffect(() => {
    if (saveFails) showToast(t('observe.saved.failedLong'));
  }, [saveFails, t]);
  const lesson = useMemo(() => lessonState(log.folded.effective), [log]);
  lessonRef.current = lesson;
  const started = lesson.start !== null;
  const ended = lesson.end !== null;
  const live = started && !ended;
  const wakeLock = useWakeLock(live);
  // An Undo offered during the lesson no longer applies once it is finished.
  useEffect(() => {
    if (ended) dismissActionToasts();
  }, [ended]);

  const rl = cycle.researchLessons.find((each) => each.id === run.researchLessonId);
  const phases = rl?.phases ?? NO_PHASES;
  // The run's kijkwijzer copy is written with a start event: ours (`started`) or a colleague's,
  // whose transaction also changes the cycle snapshot. Taps leave it alone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: started and cycle stand for "a start was written"
  const template = useMemo(() => readRunTemplate(doc, runId), [doc, runId, started, cycle]);
  const followed = run.observers.find((o) => o.memberId === me)?.casePupilIds ?? NO_PUPILS;
  const pupils = useMemo(
    () =>
      followed.length > 0
        ? cycle.casePupils.filter((p) => followed.includes(p.id))
        : cycle.casePupils,
    [followed, cycle.casePupils],
  );
  const describeContext = useMemo<DescribeContext>(() => {
    const names = new Map<string, string>(cycle.casePupils.map((p) => [p.id, p.pseudonym]));
    return {
      items: runItems(template),
      phaseName: (id) =>
        phaseTitle(
          t,
          phases,
          phases.find((p) => p.id === id),
        ),
      pupilName: (id) => names.get(id),
    };
  }, [t, template, cycle.casePupils, phases]);

  const [note, setNote] = useState<NoteTarget | null>(null);
  const closeNote = useCallback(() => setNote(null), []);
  const saveNote = useCallback(
    (text: string, target: NoteTarget) => {
      setNote(null);
      const { editing } = target;
      if (editing) {
        if (text !== editing.text)
          recordSafely(t, () =>
            record({ kind: 'edit', target: editing.id, text, phaseId: editing.phaseId }),
          );
        return;
      }
      recordSafely(t, () =>
        record({
          kind: 'note',
          text,
          ...(target.item ? { itemId: target.item.id } : {}),
          ...(target.pupilId ? { pupilId: target.pupilId } : {}),
        }),
      );
    },
    [record, t],
  );
  const pupilItems = useMemo(
    () => (template?.sections ?? []).flatMap((s) => s.items).filter((i) => i.scope === 'casePupil'),
    [template],
  );
  const pupilIntervals = pupilItems.some((item) => item.kind === 'interval');
  const classIntervals = (template?.sections ?? []).some((s) =>
    s.items.some((i) => i.kind === 'interval' && i.scope !== 'casePupil'),
  );
  // Only interval items need the whole screen to follow the clock.
  const clockMs = useLessonClock(lesson, pupilIntervals || classIntervals);
  const tiles = useMemo(() => tileReadings(log.folded), [log.folded]);
  const onPupilPhoto = useCallback(
    (pupilId: string, hash: string) => record({ kind: 'photo', photo: hash, pupilId }),
    [record],
  );
  const [confirmEnd, setConfirmEnd] = useState(false);

  useEffect(() => {
    performance.mark('leskring:observe-ready');
  }, []);

  // Events are immutable objects: each is described once per language and kijkwijzer.
  const describe = useMemo(() => {
    const translate = translator(t);
    const texts = new WeakMap<ObservationEvent, string>();
    return (event: ObservationEvent): string => {
      let text = texts.get(event);
      if (text === undefined) {
        text = describeEvent(event, describeContext, translate);
        texts.set(event, text);
      }
      return text;
    };
  }, [t, describeContext]);
  const recent = useMemo(() => recentRecords(log.folded.effective, 4), [log.folded.effective]);
  const effectiveRef = useRef(log.folded.effective);
  effectiveRef.current = log.folded.effective;

  const undo = useCallback(
    (target: ObservationEvent | null) => {
      if (!target) return showToast(t('observe.undo.nothing'));
      recordSafely(t, () => {
        const undoEvent = record({ kind: 'undo', target: target.id, phaseId: target.phaseId });
        showToast(t('observe.undo.done', { what: describe(target) }), {
          label: t('observe.undo.restore'),
          run: () => record({ kind: 'undo', target: undoEvent.id, phaseId: target.phaseId }),
        });
      });
    },
    [record, describe, t],
  );
  const undoLast = useCallback(() => undo(lastUndoable(effectiveRef.current)), [undo]);
  const editNote = useCallback(
    (event: ObservationEvent) =>
      setNote({ item: null, pupilId: event.pupilId ?? null, editing: event }),
    [],
  );
  const openQuickNote = useCallback(() => setNote({ item: null, pupilId: null }), []);
  const onClassPhoto = useCallback(
    (hash: string) => recordSafely(t, () => record({ kind: 'photo', photo: hash })),
    [record, t],
  );
  const askToFinish = useCallback(() => setConfirmEnd(true), []);
  const nextPhase = useCallback(
    (phase: Phase) => recordSafely(t, () => record({ kind: 'phase', phaseId: phase.id })),
    [record, t],
  );

  const safely = (write: () => void) => recordSafely(t, write);

  function start(chosen: Template | null) {
    safely(() => {
      startObserving(session, runId, me, {
        phaseId: phases[0]?.id ?? null,
        ...(chosen ? { template: chosen } : {}),
        listAsObserver: !run.observers.some((o) => o.memberId === me),
      }).catch((error: unknown) => showRefusal(t, error));
    });
  }

  const title = useMemo(
    () =>
      t('observe.runTitle', {
        rl: props.coaching
          ? t('observe.coachingLesson')
          : rl
            ? t('plan.rl.long', { number: rl.number })
            : run.researchLessonId,
        date: run.date ? formatDay(run.date, i18n.language) : t('plan.runs.noDate'),
      }),
    [t, rl, run.researchLessonId, run.date, i18n.language, props.coaching],
  );

  const header = (
    <ObserveHeader
      backHref={props.backHref}
      backLabel={props.coaching ? t('observe.backToTrack') : t('observe.back')}
      title={title}
      className={run.className}
      start={lesson.start}
      end={lesson.end}
      wakeLock={live ? wakeLock : null}
      colleagues={log.colleagues}
    />
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
            phases={phases}
            followsText={
              followed.length > 0
                ? t('observe.start.follows', { pupils: pupils.map((p) => p.pseudonym).join(', ') })
                : t('observe.start.followsAll')
            }
            notPlanned={!run.observers.some((o) => o.memberId === me)}
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
  const openNote = setNote;

  return (
    <div className="observe is-live">
      {header}
      <PhaseBar
        phases={phases}
        phaseId={lesson.phaseId}
        phaseSince={lesson.phaseSince}
        start={lesson.start}
        end={lesson.end}
        disabled={disabled}
        onNext={nextPhase}
      />

      <section className="observe-tiles" aria-label={t('observe.tiles.heading')}>
        {pupils.length === 0
          ? !props.coaching && <p className="empty-state">{t('observe.tiles.empty')}</p>
          : pupils.map((pupil) => {
              const last = tiles.last.get(pupil.id);
              return (
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
                  version={tiles.version(pupil.id)}
                  phaseId={lesson.phaseId}
                  clockMs={pupilIntervals ? clockMs : 0}
                  record={record}
                  onNote={openNote}
                  onPhoto={onPupilPhoto}
                  teamId={props.teamId}
                  cycleId={props.cycleId}
                  lastText={last ? describe(last) : null}
                  lastState={last ? recorder.saveState(last.id) : undefined}
                  disabled={disabled}
                />
              );
            })}
      </section>

      {template && (
        <ItemsPanel
          template={template}
          folded={log.folded}
          version={tiles.version(CLASS)}
          phaseId={lesson.phaseId}
          clockMs={classIntervals ? clockMs : 0}
          record={record}
          onNote={openNote}
          disabled={disabled}
        />
      )}

      <section className="observe-recent" aria-labelledby="observe-recent-heading">
        <h2 id="observe-recent-heading" className="small">
          {t('observe.recent.heading')}
        </h2>
        <RecentList
          events={recent}
          describe={describe}
          saveState={recorder.saveState}
          disabled={disabled}
          onUndo={undo}
          onEditNote={editNote}
        />
        <ObservationPhotos
          teamId={props.teamId}
          cycleId={props.cycleId}
          events={log.folded.photos}
          describe={describe}
        />
      </section>

      <ActionBar
        teamId={props.teamId}
        cycleId={props.cycleId}
        disabled={disabled}
        onNote={openQuickNote}
        onPhoto={onClassPhoto}
        onUndoLast={undoLast}
        onFinish={askToFinish}
      />

      <NoteSheet target={note} pupils={pupils} onClose={closeNote} onSave={saveNote} />
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
