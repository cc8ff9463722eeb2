import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/debriefTexts.ts';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { CYCLE_SCHEMA_VERSION } from '../../model/cycleDoc.ts';
import type { CasePupil, CycleId, Phase, RunId } from '../../model/cycleTypes.ts';
import { debriefMatrix } from '../../model/debriefMatrix.ts';
import { debriefSummaries } from '../../model/debriefSummaries.ts';
import { touchesOnlyObservationLogs } from '../../model/eventLog.ts';
import { isId, type MemberId } from '../../model/ids.ts';
import { canEdit } from '../../model/roles.ts';
import { readRunTemplate, runItems } from '../../model/runTemplate.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { CyclePageSessions, cyclePageFallback, useCyclePage } from '../cycle/useCyclePage.tsx';
import { formatDay } from '../plan/format.ts';
import { makeLabels } from '../timeline/labels.ts';
import { useRunLog } from '../timeline/useRunLog.ts';
import { DebriefRunner } from './DebriefRunner.tsx';
import { DebriefStart } from './DebriefStart.tsx';
import { type DebriefScope, DebriefScopeContext, makeWrite } from './debriefScope.ts';
import { useDebrief } from './useDebrief.ts';
import '../cycle/cycle.css';
import '../timeline/timeline.css';
import './debrief.css';

type Props = { teamId: string; cycleId: string; runId: string };

const NO_NAMES: ReadonlyMap<MemberId, string> = new Map();
const NO_PUPILS: readonly CasePupil[] = [];
const NO_PHASES: readonly Phase[] = [];
const NO_PREDICTIONS: ReadonlyMap<string, string> = new Map();

/** User Timing names of the debrief's derived data (read by the benchmarks). */
export const DEBRIEF_MATRIX_MEASURE = 'leskring:debrief-matrix';
export const DEBRIEF_SUMMARIES_MEASURE = 'leskring:debrief-summaries';

function timed<T>(name: string, compute: () => T): T {
  const start = performance.now();
  const value = compute();
  performance.measure(name, { start, end: performance.now() });
  return value;
}
const ignoreTaps = (tr: Y.Transaction): boolean => touchesOnlyObservationLogs(tr.doc, tr);

/**
 * The debrief (nabespreking) of a run (issue 12): the protocol runner with
 * roles, a step the chair moves on for everyone, a timer and notes per step,
 * contributions that carry evidence, the predicted-versus-observed matrix,
 * the summaries and the findings. Works offline on one device and on two
 * at once (the chair's laptop on the projector, the recorder's tablet).
 */
export default function DebriefPage({ teamId, cycleId, runId: runParam }: Props) {
  const { t, i18n } = useTranslation();
  const page = useCyclePage(teamId, cycleId);
  const { team, member, session, cycle, status, roster } = page;
  const doc = session?.doc ?? null;
  const runId = (isId(runParam) ? runParam : '') as RunId;
  const log = useRunLog(doc, runId);
  const state = useDebrief(doc, runId);
  const template = useYSnapshot(doc, (d) => readRunTemplate(d, runId), [runId], ignoreTaps);
  const [presenting, setPresenting] = useState(false);

  useEffect(() => {
    if (!presenting) return;
    document.body.classList.add('is-presenting');
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPresenting(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('is-presenting');
      window.removeEventListener('keydown', onKey);
    };
  }, [presenting]);

  const run = cycle?.runs.find((each) => each.id === runId);
  const rl = cycle?.researchLessons.find((each) => each.id === run?.researchLessonId);
  const items = useMemo(() => runItems(template), [template]);
  const memberNames = roster?.names;
  const labels = useMemo(
    () =>
      makeLabels(t, {
        me: member ? { memberId: member.memberId, displayName: member.displayName } : null,
        names: memberNames ?? NO_NAMES,
        pupils: cycle?.casePupils ?? [],
        researchLesson: rl,
        items,
      }),
    [t, member, memberNames, cycle?.casePupils, rl, items],
  );
  const eventsById = useMemo(
    () => new Map(log.effective.map((event) => [event.id, event])),
    [log.effective],
  );
  // Both computed once per change of the data they read, and timed (bench: debrief-matrix-5000-events).
  const matrix = useMemo(
    () =>
      timed(DEBRIEF_MATRIX_MEASURE, () =>
        debriefMatrix({
          pupils: cycle?.casePupils ?? NO_PUPILS,
          phases: rl?.phases ?? NO_PHASES,
          predictions: rl?.predictions ?? NO_PREDICTIONS,
          events: log.effective,
          judgements: state.judgements,
        }),
      ),
    [cycle?.casePupils, rl, log.effective, state.judgements],
  );
  const summaries = useMemo(
    () =>
      timed(DEBRIEF_SUMMARIES_MEASURE, () =>
        debriefSummaries({ events: log.effective, phases: rl?.phases ?? NO_PHASES, template }),
      ),
    [log.effective, rl, template],
  );

  const scope = useMemo<DebriefScope | null>(() => {
    if (!session || !cycle || !run || !member || !team) return null;
    const removed = member.status === 'removed';
    const tooNew = cycle.meta.schemaVersion > CYCLE_SCHEMA_VERSION;
    return {
      session,
      teamId: team,
      cycleId: cycleId as CycleId,
      runId,
      me: member.memberId,
      cycle,
      run,
      rl,
      template,
      state,
      events: log.effective,
      eventsById,
      matrix,
      summaries,
      labels,
      members: roster?.written ? roster.members.map((m) => m.memberId) : [member.memberId],
      readOnly: !canEdit(member.role) || removed || tooNew,
      presenting,
      write: makeWrite(t, session, runId, member.memberId),
    };
  }, [
    session,
    cycle,
    run,
    member,
    team,
    cycleId,
    runId,
    rl,
    template,
    state,
    log.effective,
    eventsById,
    matrix,
    summaries,
    labels,
    roster,
    presenting,
    t,
  ]);

  const fallback = cyclePageFallback(page, cycleId);
  if (fallback) return fallback;
  if (!scope || status !== 'ready' || !team) {
    return (
      <section className="stack">
        <p>{t('debrief.notFound')}</p>
        {team && member ? (
          <Link href={`/teams/${team}/cycles/${cycleId}?tab=runs`}>
            {t('timeline.backToCycle')}
          </Link>
        ) : (
          <Link href="/">{t('app.backHome')}</Link>
        )}
      </section>
    );
  }

  const rlName = rl ? t('plan.rl.long', { number: rl.number }) : t('debrief.title');
  const facts = [
    scope.run.date ? formatDay(scope.run.date, i18n.language) : t('timeline.header.noDate'),
    scope.run.className
      ? t('timeline.header.inClass', { className: scope.run.className })
      : t('timeline.header.noClass'),
    scope.run.teacherId
      ? t('timeline.header.taughtBy', { name: labels.member(scope.run.teacherId) })
      : t('timeline.header.noTeacher'),
  ];

  return (
    <CyclePageSessions page={page}>
      <DebriefScopeContext.Provider value={scope}>
        <div className={`debrief-page stack${presenting ? ' is-presenting' : ''}`}>
          {!presenting && (
            <Link
              href={`/teams/${team}/cycles/${cycleId}/runs/${runId}/timeline`}
              className="back-link"
            >
              ← {t('debrief.back')}
            </Link>
          )}
          <header className="debrief-header">
            <div>
              <p className="muted small">{scope.cycle.meta.title}</p>
              <h1>{t('debrief.heading', { rl: rlName })}</h1>
              <p className="debrief-facts">{facts.join(' · ')}</p>
            </div>
            {state.protocol && (
              <button
                type="button"
                className={presenting ? 'primary' : ''}
                aria-pressed={presenting}
                onClick={() => setPresenting((on) => !on)}
              >
                {presenting ? t('debrief.runner.stopPresenting') : t('debrief.runner.present')}
              </button>
            )}
          </header>
          {presenting && <p className="visually-hidden">{t('debrief.runner.presentHint')}</p>}
          {scope.readOnly && !presenting && (
            <p className="notice" role="status">
              {t('debrief.readOnly')}
            </p>
          )}
          {log.effective.length === 0 && !presenting && (
            <p className="muted" data-testid="debrief-no-data">
              {t('debrief.noData')}
            </p>
          )}
          {state.protocol ? <DebriefRunner /> : <DebriefStart />}
        </div>
      </DebriefScopeContext.Provider>
    </CyclePageSessions>
  );
}
