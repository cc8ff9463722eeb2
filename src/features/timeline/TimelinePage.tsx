import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type * as Y from 'yjs';
import { CYCLE_SCHEMA_VERSION } from '../../model/cycleDoc.ts';
import type { CycleId, PhaseId, RunId } from '../../model/cycleTypes.ts';
import { touchesOnlyObservationLogs } from '../../model/eventLog.ts';
import { isId, type MemberId } from '../../model/ids.ts';
import { isInterviewEvent } from '../../model/interviews.ts';
import { canEdit } from '../../model/roles.ts';
import { readRunTemplate, runItems } from '../../model/runTemplate.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { CyclePageSessions, cyclePageFallback, useCyclePage } from '../cycle/useCyclePage.tsx';
import { formatDay } from '../plan/format.ts';
import { CsvExportButton } from './CsvExportButton.tsx';
import { Interviews } from './Interviews.tsx';
import { ImportLogButton, ShareLogButton } from './LogFileActions.tsx';
import { makeLabels } from './labels.ts';
import { RunSummary } from './RunSummary.tsx';
import { TimelineList } from './TimelineList.tsx';
import { lessonRecords, type TimelineFilter } from './timelineRows.ts';
import { useRunLog } from './useRunLog.ts';
import './timeline.css';

type Props = { teamId: string; cycleId: string; runId: string };

const NO_NAMES: ReadonlyMap<MemberId, string> = new Map();

/** A log file merges like sync; its own origin keeps it out of this page's undo history. */
const IMPORT_ORIGIN = { kind: 'import', page: 'timeline' };

const ignoreTaps = (tr: Y.Transaction): boolean => touchesOnlyObservationLogs(tr.doc, tr);

/**
 * A run after the lesson (issue 6 points 7 and 8): what every observer
 * recorded, summarised and as one timeline by phase; the pupil interviews;
 * and sharing or importing observation logs as files when there is no network.
 */
export default function TimelinePage({ teamId, cycleId, runId: runParam }: Props) {
  const { t, i18n } = useTranslation();
  const page = useCyclePage(teamId, cycleId);
  const { team, member, session, cycle, status, roster } = page;
  const memberNames = roster?.names;
  const doc = session?.doc ?? null;
  const runId = (isId(runParam) ? runParam : '') as RunId;
  const log = useRunLog(doc, runId);
  const template = useYSnapshot(doc, (d) => readRunTemplate(d, runId), [runId], ignoreTaps);

  const [location, navigate] = useLocation();
  const search = useSearch();
  const filter = useMemo<TimelineFilter>(() => {
    const params = new URLSearchParams(search);
    return {
      observer: params.get('observer') ?? '',
      pupil: params.get('pupil') ?? '',
      item: params.get('item') ?? '',
    };
  }, [search]);
  const setFilter = (next: TimelineFilter) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value !== '') params.set(key, value);
    const query = params.toString();
    navigate(query ? `${location}?${query}` : location, { replace: true });
  };

  const run = cycle?.runs.find((each) => each.id === runId);
  const researchLesson = cycle?.researchLessons.find((rl) => rl.id === run?.researchLessonId);
  const items = useMemo(() => runItems(template), [template]);
  const labels = useMemo(
    () =>
      makeLabels(t, {
        me: member ? { memberId: member.memberId, displayName: member.displayName } : null,
        names: memberNames ?? NO_NAMES,
        pupils: cycle?.casePupils ?? [],
        researchLesson,
        items,
      }),
    [t, member, memberNames, cycle?.casePupils, researchLesson, items],
  );
  const lessonEvents = useMemo(
    () => log.effective.filter((event) => !isInterviewEvent(event)),
    [log.effective],
  );
  const records = useMemo(() => lessonRecords(log.effective), [log.effective]);
  const phaseOrder = useMemo<PhaseId[]>(
    () => (researchLesson?.phases ?? []).map((phase) => phase.id),
    [researchLesson],
  );

  const fallback = cyclePageFallback(page, cycleId);
  if (fallback) return fallback;
  // A coaching track's lesson goes back to its track and has no lesson-study debrief.
  const backHref = page.trackParties
    ? `/teams/${team}/coaching/${page.trackParties.trackId}`
    : `/teams/${team}/cycles/${cycleId}?tab=runs`;
  if (!member || !team || status !== 'ready' || !session || !cycle || !run) {
    return (
      <section className="stack">
        <p>{t('timeline.notFound')}</p>
        {team && member && cycle ? (
          <Link href={backHref}>{t('timeline.backToCycle')}</Link>
        ) : team && member ? (
          <Link href={`/teams/${team}`}>{t('cycle.page.backToTeam')}</Link>
        ) : (
          <Link href="/">{t('app.backHome')}</Link>
        )}
      </section>
    );
  }

  const removed = member.status === 'removed';
  const tooNew = cycle.meta.schemaVersion > CYCLE_SCHEMA_VERSION;
  const readOnly = !canEdit(member.role) || removed || tooNew;
  const rlName = researchLesson
    ? t('plan.rl.long', { number: researchLesson.number })
    : t('timeline.title');
  const facts = [
    run.date ? formatDay(run.date, i18n.language) : t('timeline.header.noDate'),
    run.className
      ? t('timeline.header.inClass', { className: run.className })
      : t('timeline.header.noClass'),
    run.teacherId
      ? t('timeline.header.taughtBy', { name: labels.member(run.teacherId) })
      : t('timeline.header.noTeacher'),
  ];

  return (
    <CyclePageSessions page={page}>
      <div className="timeline-page stack">
        <Link href={backHref} className="back-link">
          ← {t('timeline.back')}
        </Link>
        <header className="timeline-header">
          <p className="muted small timeline-cycle-title">{cycle.meta.title}</p>
          <h1>{t('timeline.heading', { rl: rlName })}</h1>
          <p className="timeline-facts">{facts.join(' · ')}</p>
          {!page.trackParties && (
            <Link
              href={`/teams/${team}/cycles/${cycleId}/runs/${run.id}/debrief`}
              className="button-link primary"
            >
              {t('timeline.openDebrief')}
            </Link>
          )}
          {readOnly && (
            <p className="notice" role="status">
              {tooNew
                ? t('cycle.page.newerVersion')
                : removed
                  ? t('cycle.page.removed')
                  : t('timeline.readOnly')}
            </p>
          )}
        </header>

        <section className="stack log-files" aria-labelledby="log-files-heading">
          <h2 id="log-files-heading">{t('timeline.logFile.heading')}</h2>
          <p className="muted small">{t('timeline.logFile.intro')}</p>
          <div className="log-file-actions">
            <ShareLogButton
              runId={run.id}
              memberId={member.memberId}
              cycleTitle={cycle.meta.title}
              date={run.date}
            />
            {readOnly ? (
              <p className="muted small">{t('timeline.logFile.guestNoImport')}</p>
            ) : (
              <ImportLogButton runId={run.id} origin={IMPORT_ORIGIN} />
            )}
            <CsvExportButton
              events={log.effective}
              labels={labels}
              cycleTitle={cycle.meta.title}
              date={run.date}
            />
          </div>
        </section>

        {records.length === 0 ? (
          <p className="empty-state" data-testid="timeline-empty">
            {t('timeline.empty')}
          </p>
        ) : (
          <>
            <RunSummary
              lessonEvents={lessonEvents}
              records={records}
              phases={researchLesson?.phases ?? []}
              labels={labels}
            />
            <TimelineList
              records={records}
              phaseOrder={phaseOrder}
              pupils={cycle.casePupils}
              items={items}
              labels={labels}
              filter={filter}
              onFilter={setFilter}
              teamId={team}
              cycleId={cycleId as CycleId}
            />
          </>
        )}

        <Interviews
          run={run}
          casePupils={cycle.casePupils}
          events={log.events}
          memberId={member.memberId}
          canAnswer={!readOnly}
          labels={labels}
        />
      </div>
    </CyclePageSessions>
  );
}
