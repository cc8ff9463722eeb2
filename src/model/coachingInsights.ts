import type * as Y from 'yjs';
import type { RunLink, SharedConversation, TrackParties } from './coaching.ts';
import { researchLessonIdOf } from './cycleDoc.ts';
import type { CycleSummary, ItemMeasure, ModelContext, RunId, RunMeasures } from './cycleTypes.ts';
import { type ObservationEvent, runTemplatesMap } from './eventLog.ts';
import type { LearningActivity } from './learningActivities.ts';
import { planRun } from './runs.ts';
import type { Template, TemplateId } from './templates.ts';

/**
 * What the coach prepares a conversation from, computed from the track's
 * observations: the trend per kijkwijzer item across the coachee's runs,
 * candidates for strengths and the growth point, whether the last agreed step
 * shows in the data, and the hours the track counts for both members.
 */

/** One item's measures over the coachee's runs, oldest first. */
export type ItemTrend = {
  readonly key: string;
  readonly label: string;
  readonly kind: ItemMeasure['kind'];
  readonly points: readonly { runId: string; date: string; value: number }[];
  /** Last value minus the one before; null with fewer than two points. */
  readonly change: number | null;
};

/** The trends of every item measured in `runs` (the track's own and linked runs), by label. */
export function itemTrends(runs: readonly RunMeasures[]): ItemTrend[] {
  const byKey = new Map<
    string,
    { label: string; kind: ItemMeasure['kind']; points: ItemTrend['points'][number][] }
  >();
  const sorted = [...runs].sort(
    (a, b) => a.date.localeCompare(b.date) || a.runId.localeCompare(b.runId),
  );
  for (const run of sorted)
    for (const item of run.items) {
      let entry = byKey.get(item.key);
      if (!entry) {
        entry = { label: item.label, kind: item.kind, points: [] };
        byKey.set(item.key, entry);
      }
      entry.points.push({ runId: run.runId, date: run.date, value: item.value });
    }
  return [...byKey.entries()]
    .map(([key, { label, kind, points }]) => {
      const last = points.at(-1);
      const before = points.at(-2);
      const change = last && before ? Math.round((last.value - before.value) * 100) / 100 : null;
      return { key, label, kind, points, change };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

export type Proposal =
  | {
      readonly kind: 'improved' | 'fell';
      readonly key: string;
      readonly label: string;
      readonly change: number;
    }
  | {
      readonly kind: 'busy-moment';
      readonly runId: string;
      readonly t: number;
      readonly tallies: number;
    };

/** Width of the window in which tallies are counted for a busy moment. */
export const MOMENT_WINDOW_MS = 2 * 60 * 1000;

/**
 * Candidates the app proposes; the coach chooses. Items that improved (a
 * strength) or fell (a growth point) since the run before, largest change
 * first; and the busiest moments of the latest run: the two-minute windows
 * with the most tallies (at least three), never overlapping.
 */
export function proposals(
  trends: readonly ItemTrend[],
  latestRun: { runId: string; events: readonly ObservationEvent[] } | null,
): Proposal[] {
  const out: Proposal[] = [];
  const changed = trends
    .filter((trend) => trend.change !== null && trend.change !== 0)
    .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
  for (const trend of changed) {
    const change = trend.change ?? 0;
    out.push({
      kind: change > 0 ? 'improved' : 'fell',
      key: trend.key,
      label: trend.label,
      change,
    });
  }
  if (latestRun) {
    const times = latestRun.events
      .filter((event) => event.kind === 'tally')
      .map((event) => event.t)
      .sort((a, b) => a - b);
    const windows: { t: number; tallies: number }[] = [];
    let end = 0;
    for (let start = 0; start < times.length; start++) {
      while (end < times.length && (times[end] ?? 0) < (times[start] ?? 0) + MOMENT_WINDOW_MS)
        end++;
      windows.push({ t: times[start] ?? 0, tallies: end - start });
    }
    windows.sort((a, b) => b.tallies - a.tallies || a.t - b.t);
    const chosen: { t: number; tallies: number }[] = [];
    for (const window of windows) {
      if (window.tallies < 3 || chosen.length >= 2) break;
      if (chosen.some((c) => Math.abs(c.t - window.t) < MOMENT_WINDOW_MS)) continue;
      chosen.push(window);
    }
    for (const window of chosen)
      out.push({
        kind: 'busy-moment',
        runId: latestRun.runId,
        t: window.t,
        tallies: window.tallies,
      });
  }
  return out;
}

export type StepCheck = {
  readonly conversation: SharedConversation;
  /** Per focused item: its value before the conversation and after it (the latest), or null. */
  readonly items: readonly { label: string; before: number | null; after: number | null }[];
  /** 'shows' when a focused item moved the right way, 'not-yet' when measured after but not moved, 'no-data' otherwise. */
  readonly verdict: 'shows' | 'not-yet' | 'no-data';
};

/**
 * Whether the last agreed step shows in the data: the focused items' last
 * measure before the conversation against the latest one after it. "The right
 * way" is up; the coach reads the numbers with the step in mind.
 */
export function checkLastStep(
  conversations: readonly SharedConversation[],
  trends: readonly ItemTrend[],
): StepCheck | null {
  const conversation = conversations.at(-1);
  if (!conversation) return null;
  const focus = new Set(conversation.nextFocus.map((label) => label.trim().toLowerCase()));
  const items = trends
    .filter((trend) => focus.has(trend.label.trim().toLowerCase()))
    .map((trend) => {
      const before = trend.points.filter((p) => p.date <= conversation.date).at(-1)?.value ?? null;
      const after = trend.points.filter((p) => p.date > conversation.date).at(-1)?.value ?? null;
      return { label: trend.label, before, after };
    });
  const measured = items.filter((item) => item.after !== null);
  const verdict =
    measured.length === 0
      ? 'no-data'
      : measured.some((item) => item.before !== null && (item.after ?? 0) > item.before)
        ? 'shows'
        : 'not-yet';
  return { conversation, items, verdict };
}

/**
 * The learning activities a track counts, content-free: each conversation
 * held and each observed lesson of the track, as coaching for both members.
 */
export function trackActivities(
  parties: TrackParties,
  conversations: readonly SharedConversation[],
  observedRuns: readonly { date: string; minutes: number }[],
  today: string,
): LearningActivity[] {
  const both = [parties.coachId, parties.coacheeId];
  return [...conversations.map((c) => ({ date: c.date, minutes: c.minutes })), ...observedRuns]
    .filter((activity) => activity.date !== '' && activity.date <= today)
    .map((activity) => ({ kind: 'coaching' as const, ...activity, memberIds: both }));
}

/**
 * A short kijkwijzer with only the chosen items (by itemKey) of `from`, for
 * the next observation's focus; null when none of them is in it.
 */
export function focusedTemplate(
  from: Template,
  keys: ReadonlySet<string>,
  name: string,
  ctx: ModelContext,
): Template | null {
  const keyOf = (kind: string, label: string) => `${kind}:${label.trim().toLowerCase()}`;
  const sections = from.sections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => keys.has(keyOf(item.kind, item.label))),
    }))
    .filter((section) => section.items.length > 0);
  if (sections.length === 0) return null;
  return {
    id: ctx.newId() as TemplateId,
    version: 1,
    name,
    description: '',
    builtIn: null,
    sections,
    createdAt: ctx.now(),
    createdBy: null,
  };
}

/** Plans an observation of the coachee's lesson in the track, with its kijkwijzer when one is given. */
export function planTrackRun(
  doc: Y.Doc,
  input: { date: string; coacheeId: TrackParties['coacheeId']; template: Template | null },
  ctx: ModelContext,
): RunId {
  let runId: RunId | null = null;
  doc.transact(() => {
    runId = planRun(
      doc,
      { researchLessonId: researchLessonIdOf(1), date: input.date, teacherId: input.coacheeId },
      ctx,
    );
    if (input.template) runTemplatesMap(doc).set(runId, { ...input.template });
  }, ctx.origin);
  if (runId === null) throw new Error('run was not planned');
  return runId;
}

/** A lesson the coachee taught in one of the team's cycles, which the track may count. */
export type CycleLesson = {
  readonly cycleId: string;
  readonly title: string;
  readonly runId: string;
  readonly date: string;
  /** Counted in the track's trend. */
  readonly linked: boolean;
  /** The lesson has measures (it was observed with a kijkwijzer). */
  readonly measured: boolean;
};

const isLinked = (links: readonly RunLink[], cycleId: string, runId: string) =>
  links.some((link) => link.cycleId === cycleId && link.runId === runId);

/** The lessons the coachee taught in the team's cycles (from the cycles' summaries), newest first. */
export function coacheeLessons(
  summaries: readonly CycleSummary[],
  coacheeId: string,
  links: readonly RunLink[],
): CycleLesson[] {
  return summaries
    .flatMap((summary) =>
      summary.activities.flatMap((activity) =>
        activity.kind === 'taught' &&
        activity.runId !== undefined &&
        activity.memberIds.some((member) => member === coacheeId)
          ? [
              {
                cycleId: summary.cycleId,
                title: summary.title,
                runId: activity.runId,
                date: activity.date,
                linked: isLinked(links, summary.cycleId, activity.runId),
                measured: summary.measures.some((measure) => measure.runId === activity.runId),
              },
            ]
          : [],
      ),
    )
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** The measures of the linked lessons, as the cycles' summaries keep them. */
export function linkedMeasures(
  summaries: readonly CycleSummary[],
  links: readonly RunLink[],
): RunMeasures[] {
  return summaries.flatMap((summary) =>
    summary.measures.filter((measure) => isLinked(links, summary.cycleId, measure.runId)),
  );
}
