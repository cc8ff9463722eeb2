import type * as Y from 'yjs';
import type {
  CycleSnapshot,
  PhaseId,
  ResearchLesson,
  ResearchLessonId,
  Run,
  RunId,
} from './cycleTypes.ts';
import {
  type Finding,
  type FindingCheck,
  foldDebrief,
  type PlannedChange,
  readDebriefLog,
} from './debrief.ts';
import { foldEvents, type ObservationEvent, readRunEvents } from './eventLog.ts';
import type { MemberId } from './ids.ts';
import { readRunTemplate, runItems } from './runTemplate.ts';
import type { ItemKind, TemplateItem } from './templates.ts';

/**
 * Whether a change worked: an agreed finding names the measure it rests on
 * (a kijkwijzer item, for a case pupil or the class), and the next research
 * lesson's debrief compares that measure in the earlier run with the later
 * one — the same item, the same case pupil, RL1 against RL2.
 *
 * Runs differ in how many colleagues observed, so tallies are compared per
 * observer who recorded that item; ratings by their mean; checks by the
 * share seen; interval answers by their mean.
 */

export type Measure = {
  readonly kind: ItemKind | null;
  /** The figure compared (see above); null when the run has no records of the item. */
  readonly value: number | null;
  /** Records it rests on. */
  readonly n: number;
  /** Observers who recorded the item. */
  readonly observers: number;
};

export type CheckDirection = 'up' | 'down' | 'same' | 'no-data';

export type FindingCheckResult = {
  readonly finding: Finding;
  readonly check: FindingCheck;
  readonly before: Measure;
  readonly after: Measure;
  readonly direction: CheckDirection;
};

const NO_MEASURE: Measure = { kind: null, value: null, n: 0, observers: 0 };

/** The measure of one item (for one case pupil, or records without a pupil) in a run's effective events. */
export function measureItem(events: readonly ObservationEvent[], check: FindingCheck): Measure {
  const forPupil = events.filter((event) => (event.pupilId ?? undefined) === check.pupilId);
  return measureItems(forPupil, new Set([check.itemId]));
}

/** Differences smaller than this (relative to the larger figure) count as the same. */
const SAME_WITHIN = 0.05;

export function direction(before: Measure, after: Measure): CheckDirection {
  if (before.value === null || after.value === null) return 'no-data';
  const scale = Math.max(Math.abs(before.value), Math.abs(after.value), 1e-9);
  const delta = after.value - before.value;
  if (Math.abs(delta) / scale < SAME_WITHIN) return 'same';
  return delta > 0 ? 'up' : 'down';
}

/**
 * For every earlier finding that names a measure, the measure in the earlier
 * run against the later one. Findings without a measure are left out (the
 * team judges them by their words alone).
 */
export function checkFindings(
  findings: readonly Finding[],
  earlier: readonly ObservationEvent[],
  later: readonly ObservationEvent[],
): FindingCheckResult[] {
  const out: FindingCheckResult[] = [];
  for (const finding of findings) {
    const check = finding.check;
    if (check === null) continue;
    const before = measureItem(earlier, check);
    const after = measureItem(later, check);
    out.push({ finding, check, before, after, direction: direction(before, after) });
  }
  return out;
}

// ── findings across research lessons ───────────────────────────────────────

/** The agreed findings of one run's debrief. */
export type RunFindings = {
  readonly run: Run;
  readonly findings: readonly Finding[];
};

/** The research lesson before `rlId` (RL1 for RL2), or null for the first. */
export function previousLesson(
  cycle: CycleSnapshot,
  rlId: ResearchLessonId,
): ResearchLesson | null {
  const rl = cycle.researchLessons.find((each) => each.id === rlId);
  if (!rl) return null;
  return cycle.researchLessons.find((each) => each.number === rl.number - 1) ?? null;
}

/** The findings of the debriefs of every run of a research lesson, by run date (runs without findings left out). */
export function findingsOfLesson(
  doc: Y.Doc,
  cycle: CycleSnapshot,
  rlId: ResearchLessonId,
): RunFindings[] {
  return cycle.runs
    .filter((run) => run.researchLessonId === rlId)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((run) => ({ run, findings: foldDebrief(readDebriefLog(doc, run.id).entries).findings }))
    .filter((each) => each.findings.length > 0);
}

export type LinkedChange = { readonly finding: Finding; readonly change: PlannedChange };

export type LessonChanges = {
  /** Changes per phase of the lesson, found through the phase it was copied from. */
  readonly byPhase: ReadonlyMap<PhaseId, readonly LinkedChange[]>;
  /** Changes of the lesson as a whole, or of a phase the lesson no longer has. */
  readonly general: readonly LinkedChange[];
};

/**
 * Where the changes that earlier findings planned land in a lesson: a change
 * of an RL1 phase belongs to the RL2 phase copied from it.
 */
export function changesForLesson(
  rl: ResearchLesson,
  earlier: readonly RunFindings[],
): LessonChanges {
  const phaseOf = new Map<string, PhaseId>();
  for (const phase of rl.phases) if (phase.copiedFrom) phaseOf.set(phase.copiedFrom, phase.id);
  const byPhase = new Map<PhaseId, LinkedChange[]>();
  const general: LinkedChange[] = [];
  for (const { findings } of earlier)
    for (const finding of findings)
      for (const change of finding.changes) {
        const target = change.phaseId === null ? undefined : phaseOf.get(change.phaseId);
        if (target === undefined) general.push({ finding, change });
        else byPhase.set(target, [...(byPhase.get(target) ?? []), { finding, change }]);
      }
  return { byPhase, general };
}

/**
 * For the debrief of `runId`: every finding of the previous research lesson's
 * debriefs that names a measure, checked against this run (RL1 against RL2).
 */
export function checksForRun(
  doc: Y.Doc,
  cycle: CycleSnapshot,
  runId: RunId,
): Array<FindingCheckResult & { readonly earlierRun: Run }> {
  const run = cycle.runs.find((each) => each.id === runId);
  if (!run) return [];
  const previous = previousLesson(cycle, run.researchLessonId);
  if (!previous) return [];
  const later = foldEvents(readRunEvents(doc, runId)).effective;
  const laterItems = runItems(readRunTemplate(doc, runId));
  const out: Array<FindingCheckResult & { readonly earlierRun: Run }> = [];
  for (const { run: earlierRun, findings } of findingsOfLesson(doc, cycle, previous.id)) {
    const earlier = foldEvents(readRunEvents(doc, earlierRun.id)).effective;
    const earlierItems = runItems(readRunTemplate(doc, earlierRun.id));
    for (const finding of findings) {
      const check = finding.check;
      if (check === null) continue;
      const laterId = sameItemIn(laterItems, earlierItems.get(check.itemId), check.itemId);
      const before = measureItem(earlier, check);
      const after = measureItem(later, { ...check, itemId: laterId });
      out.push({ finding, check, before, after, direction: direction(before, after), earlierRun });
    }
  }
  return out;
}

/**
 * The id the later run's kijkwijzer gives "the same item": the same id, or
 * else the item of the same kind and label (a built-in kijkwijzer chosen
 * afresh for each run gets new ids, but its items read the same).
 */
export function sameItemIn(
  later: ReadonlyMap<string, TemplateItem>,
  earlier: TemplateItem | undefined,
  itemId: string,
): string {
  if (later.has(itemId) || earlier === undefined) return itemId;
  const label = earlier.label.trim().toLowerCase();
  for (const item of later.values())
    if (item.kind === earlier.kind && item.label.trim().toLowerCase() === label) return item.id;
  return itemId;
}

// ── data per research lesson, side by side ─────────────────────────────────

/** A kijkwijzer item as the lessons share it: by kind and label (ids differ per run). */
export type ComparedItem = {
  readonly key: string;
  readonly kind: ItemKind;
  readonly label: string;
};

export type LessonData = {
  readonly rl: ResearchLesson;
  /** Runs of the lesson that were observed. */
  readonly runs: number;
  /** Per ComparedItem key, over every pupil and the class. */
  readonly measures: ReadonlyMap<string, Measure>;
};

export type LessonComparison = {
  readonly items: readonly ComparedItem[];
  readonly lessons: readonly LessonData[];
};

const itemKey = (item: Pick<TemplateItem, 'kind' | 'label'>): string =>
  `${item.kind}|${item.label.trim().toLowerCase()}`;

/** Like measureItem, over every record of the given items (all pupils and the class). */
export function measureItems(
  events: readonly ObservationEvent[],
  itemIds: ReadonlySet<string>,
): Measure {
  let kind: ItemKind | null = null;
  let sum = 0;
  let n = 0;
  const observers = new Set<MemberId>();
  for (const event of events) {
    if (event.itemId === undefined || !itemIds.has(event.itemId)) continue;
    const value = measuredValue(event);
    if (value === null) continue;
    kind = event.kind as ItemKind;
    sum += value;
    n++;
    observers.add(event.observer);
  }
  if (n === 0 || kind === null) return NO_MEASURE;
  return {
    kind,
    value: kind === 'tally' ? sum / observers.size : sum / n,
    n,
    observers: observers.size,
  };
}

function measuredValue(event: ObservationEvent): number | null {
  if (event.kind === 'tally') return typeof event.value === 'number' ? event.value : 1;
  if (event.kind === 'rating' && typeof event.value === 'number') return event.value;
  if (event.kind === 'check' && typeof event.value === 'boolean') return event.value ? 1 : 0;
  if (event.kind === 'interval' && typeof event.value === 'number') return event.value;
  return null;
}

/**
 * RL1–RL3 side by side: for every measurable kijkwijzer item any observed run
 * used (matched by kind and label), its measure per research lesson over all
 * the lesson's observed runs.
 */
export function compareLessons(doc: Y.Doc, cycle: CycleSnapshot): LessonComparison {
  const items = new Map<string, ComparedItem>();
  const lessons: LessonData[] = [];
  for (const rl of cycle.researchLessons) {
    const idsByKey = new Map<string, Set<string>>();
    const events: ObservationEvent[] = [];
    let runs = 0;
    for (const run of cycle.runs) {
      if (run.researchLessonId !== rl.id) continue;
      const effective = foldEvents(readRunEvents(doc, run.id)).effective;
      if (effective.length === 0) continue;
      runs++;
      events.push(...effective);
      for (const item of runItems(readRunTemplate(doc, run.id)).values()) {
        if (item.kind === 'note') continue;
        const key = itemKey(item);
        if (!items.has(key)) items.set(key, { key, kind: item.kind, label: item.label.trim() });
        const ids = idsByKey.get(key) ?? new Set<string>();
        ids.add(item.id);
        idsByKey.set(key, ids);
      }
    }
    const measures = new Map<string, Measure>();
    for (const [key, ids] of idsByKey) measures.set(key, measureItems(events, ids));
    lessons.push({ rl, runs, measures });
  }
  return { items: [...items.values()], lessons };
}
