import type * as Y from 'yjs';
import { readCycle, summarizeCycle } from './cycleDoc.ts';
import type {
  CycleId,
  CycleSnapshot,
  CycleSummary,
  ItemMeasure,
  RunId,
  RunMeasures,
} from './cycleTypes.ts';
import { foldEvents, logLength, readRunEvents, runObservers } from './eventLog.ts';
import { measureItems } from './findingChecks.ts';
import { cycleActivities } from './learningActivities.ts';
import { readRunTemplate, runItems } from './runTemplate.ts';
import type { Template } from './templates.ts';

/**
 * The team document's summary of a cycle with what the PLG's year needs: the
 * learning activities and, per taught run, the class-level measure of every
 * measurable kijkwijzer item. The overview of 30 cycles then reads the team
 * document alone and never opens a cycle document in full.
 */
export function summarizeCycleDoc(
  doc: Y.Doc,
  cycleId: CycleId,
  lastActivityAt: string,
  now: string,
): CycleSummary {
  const snapshot = readCycle(doc);
  const today = now.slice(0, 10);
  return {
    ...summarizeCycle(cycleId, snapshot, lastActivityAt, today),
    activities: cycleActivities(doc, snapshot, today),
    measures: cycleMeasures(doc, snapshot, today),
  };
}

/**
 * Per run taught up to `today` (YYYY-MM-DD), oldest first: the class-level
 * measure of every measurable kijkwijzer item (the summary's `measures`; a
 * coaching track's trend reads them too).
 */
export function cycleMeasures(doc: Y.Doc, snapshot: CycleSnapshot, today: string): RunMeasures[] {
  const rlNumber = new Map(snapshot.researchLessons.map((rl) => [rl.id, rl.number]));
  const measures: RunMeasures[] = [];
  for (const run of snapshot.runs) {
    if (run.date === '' || run.date > today) continue;
    const items = runMeasures(doc, run.id);
    if (items.length > 0)
      measures.push({
        runId: run.id,
        rl: rlNumber.get(run.researchLessonId) ?? 0,
        date: run.date,
        items,
      });
  }
  return measures.sort((a, b) => a.date.localeCompare(b.date) || a.runId.localeCompare(b.runId));
}

/** The key that matches an item across kijkwijzer versions and cycles: its kind and label. */
export const itemKey = (kind: string, label: string): string =>
  `${kind}:${label.trim().toLowerCase()}`;

/** Per document and run: the measures, and the kijkwijzer and log lengths they were computed from. */
const cache = new WeakMap<
  Y.Doc,
  Map<RunId, { template: Template | null; lengths: string; items: ItemMeasure[] }>
>();

/** Class-level measures of a run's measurable items; recomputed only when its logs grew. */
function runMeasures(doc: Y.Doc, runId: RunId): ItemMeasure[] {
  const observers = runObservers(doc, runId);
  if (observers.length === 0) return [];
  const template = readRunTemplate(doc, runId);
  // readRunTemplate returns the same object until the stored kijkwijzer is replaced.
  const lengths = observers.map((o) => `${o}:${logLength(doc, runId, o)}`).join(',');
  let perRun = cache.get(doc);
  if (!perRun) {
    perRun = new Map();
    cache.set(doc, perRun);
  }
  const cached = perRun.get(runId);
  if (cached && cached.template === template && cached.lengths === lengths) return cached.items;
  const events = foldEvents(readRunEvents(doc, runId)).effective;
  const items: ItemMeasure[] = [];
  for (const item of runItems(template).values()) {
    if (item.kind === 'note') continue;
    const measure = measureItems(events, new Set([item.id]));
    if (measure.value === null) continue;
    items.push({
      key: itemKey(item.kind, item.label),
      label: item.label.trim(),
      kind: item.kind,
      value: Math.round(measure.value * 100) / 100,
    });
  }
  perRun.set(runId, { template, lengths, items });
  return items;
}
