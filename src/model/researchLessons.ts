import * as Y from 'yjs';
import {
  casePupilsMap,
  isYMap,
  newResearchLessonMap,
  newText,
  phasesOf,
  predictionsOf,
  researchLessonIdOf,
  researchLessonMap,
  researchLessonsMap,
  textIn,
} from './cycleDoc.ts';
import {
  type CasePupil,
  type CasePupilId,
  MAX_RESEARCH_LESSONS,
  type ModelContext,
  PHASE_TEXT_FIELDS,
  type Phase,
  type PhaseId,
  type PhaseTextField,
  type ResearchLesson,
  type ResearchLessonId,
} from './cycleTypes.ts';
import { newPhaseMap, newResponseMap, totalMinutes } from './phases.ts';
import { predictionKey } from './predictions.ts';

/**
 * Research lessons RL1–RL3: versions of one lesson plan. Preparing the next one
 * copies the latest plan and its predictions under the deterministic key `rlN`,
 * so two people preparing RL2 at once end up with one RL2 (the copy of one of
 * them wins whole) rather than two.
 */

function numberOf(rl: unknown): number | null {
  if (!isYMap(rl)) return null;
  const n = rl.get('number');
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : null;
}

function highestResearchLesson(doc: Y.Doc): number {
  let highest = 0;
  for (const [id, rl] of researchLessonsMap(doc).entries()) {
    const n = numberOf(rl);
    if (n !== null && id === researchLessonIdOf(n) && n > highest) highest = n;
  }
  return highest;
}

/** Copies a phase under `id` into `target` (an integrated phases map); false if the source is malformed. */
function copyPhase(
  source: Y.Map<unknown>,
  sourceId: PhaseId,
  target: Y.Map<unknown>,
  id: PhaseId,
): boolean {
  const position = source.get('position');
  const minutes = source.get('minutes');
  if (typeof position !== 'string' || typeof minutes !== 'number') return false;
  const texts: Partial<Record<PhaseTextField, string>> = {};
  for (const field of PHASE_TEXT_FIELDS) texts[field] = textIn(source, field)?.toString() ?? '';
  const copy = newPhaseMap({ position, minutes, copiedFrom: sourceId, texts });
  target.set(id, copy);
  const responses = source.get('responses');
  const copies = copy.get('responses');
  if (isYMap(responses) && isYMap(copies)) {
    for (const [responseId, entry] of responses.entries()) {
      if (!isYMap(entry)) continue;
      const at = entry.get('position');
      if (typeof at !== 'string') continue;
      const response = textIn(entry, 'response')?.toString() ?? '';
      const answer = textIn(entry, 'answer')?.toString() ?? '';
      copies.set(responseId, newResponseMap(at, response, answer));
    }
  }
  return true;
}

/**
 * Copies the highest research lesson (or `after`, when given) into the next
 * `rlN`: every phase under a new id with `copiedFrom` = its source, the same
 * positions, minutes, texts and responses, and the predictions re-keyed to the
 * new phases (plus empty cells for pupils that had none). Returns the new id,
 * or null when MAX_RESEARCH_LESSONS is reached, there is nothing to copy, or
 * the next research lesson already exists (so a second click is harmless).
 */
export function prepareNextResearchLesson(
  doc: Y.Doc,
  ctx: ModelContext,
  after?: ResearchLessonId,
): ResearchLessonId | null {
  const fromNumber =
    after === undefined ? highestResearchLesson(doc) : numberOf(researchLessonsMap(doc).get(after));
  if (fromNumber === null || fromNumber < 1 || fromNumber >= MAX_RESEARCH_LESSONS) return null;
  const sourceId = researchLessonIdOf(fromNumber);
  const targetId = researchLessonIdOf(fromNumber + 1);
  const source = researchLessonMap(doc, sourceId);
  if (source === null || researchLessonsMap(doc).has(targetId)) return null;
  doc.transact(() => {
    const target = newResearchLessonMap(fromNumber + 1, ctx.now());
    researchLessonsMap(doc).set(targetId, target);
    const targetPhases = phasesOf(target);
    const targetPredictions = predictionsOf(target);
    if (targetPhases === null || targetPredictions === null) return;
    const renamed = new Map<string, PhaseId>();
    for (const [phaseId, phase] of phasesOf(source)?.entries() ?? []) {
      if (!isYMap(phase)) continue;
      const id = ctx.newId() as PhaseId;
      if (copyPhase(phase, phaseId as PhaseId, targetPhases, id)) renamed.set(phaseId, id);
    }
    const sourcePredictions = predictionsOf(source);
    for (const [pupilId, pupil] of casePupilsMap(doc).entries()) {
      if (!isYMap(pupil)) continue;
      for (const [oldId, newId] of renamed) {
        const text = sourcePredictions?.get(predictionKey(pupilId, oldId));
        targetPredictions.set(
          predictionKey(pupilId, newId),
          newText(text instanceof Y.Text ? text.toString() : ''),
        );
      }
    }
  }, ctx.origin);
  return targetId;
}

// ── version diff ───────────────────────────────────────────────────────────

export type PhaseDiffField = PhaseTextField | 'minutes' | 'responses';

export type PhaseDiff = {
  /** changed = a field or a prediction differs; a move alone keeps `unchanged` with `moved: true`. */
  readonly kind: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly before: Phase | null;
  readonly after: Phase | null;
  /** The phase changed its place relative to the other phases both versions have. */
  readonly moved: boolean;
  /** Fields that differ (empty for added and removed phases). */
  readonly fields: readonly {
    readonly field: PhaseDiffField;
    readonly before: string;
    readonly after: string;
  }[];
  /** Predictions that differ, per case pupil (missing = ''). */
  readonly predictions: readonly {
    readonly pupilId: CasePupilId;
    readonly pseudonym: string;
    readonly before: string;
    readonly after: string;
  }[];
};

export type LessonDiff = {
  /** In the order of `after`, each removed phase right after where it stood. */
  readonly phases: readonly PhaseDiff[];
  readonly totalMinutes: { readonly before: number; readonly after: number };
};

function responsesText(phase: Phase): string {
  return phase.responses.map((r) => `${r.response} → ${r.answer}`).join('\n');
}

function fieldChanges(before: Phase, after: Phase): PhaseDiff['fields'] {
  const out: { field: PhaseDiffField; before: string; after: string }[] = [];
  for (const field of PHASE_TEXT_FIELDS) {
    if (before[field] !== after[field])
      out.push({ field, before: before[field], after: after[field] });
  }
  if (before.minutes !== after.minutes)
    out.push({ field: 'minutes', before: String(before.minutes), after: String(after.minutes) });
  const rb = responsesText(before);
  const ra = responsesText(after);
  if (rb !== ra) out.push({ field: 'responses', before: rb, after: ra });
  return out;
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const value = seq[i] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((seq[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let at = tails[tails.length - 1] ?? -1;
  while (at >= 0) {
    keep.add(at);
    at = prev[at] ?? -1;
  }
  return keep;
}

/**
 * What changed from one research lesson to the next (pure). Phases match when
 * `after.copiedFrom === before.id`; a matched phase counts as moved when it is
 * not part of the longest run of matched phases that kept their order.
 */
export function diffResearchLessons(
  before: ResearchLesson,
  after: ResearchLesson,
  pupils: readonly CasePupil[],
): LessonDiff {
  const beforeIndex = new Map(before.phases.map((p, i) => [p.id as string, i]));
  const matchOf = new Map<string, Phase>(); // before id → after phase
  for (const phase of after.phases) {
    if (
      phase.copiedFrom !== null &&
      beforeIndex.has(phase.copiedFrom) &&
      !matchOf.has(phase.copiedFrom)
    )
      matchOf.set(phase.copiedFrom, phase);
  }
  const matchedAfter = after.phases.filter(
    (p) => p.copiedFrom !== null && matchOf.get(p.copiedFrom) === p,
  );
  const order = matchedAfter.map((p) => beforeIndex.get(p.copiedFrom ?? '') ?? 0);
  const stable = longestIncreasing(order);
  const movedIds = new Set(matchedAfter.filter((_, i) => !stable.has(i)).map((p) => p.id));

  const predictionChanges = (b: Phase | null, a: Phase | null): PhaseDiff['predictions'] =>
    pupils.flatMap((pupil) => {
      const pb = b === null ? '' : (before.predictions.get(predictionKey(pupil.id, b.id)) ?? '');
      const pa = a === null ? '' : (after.predictions.get(predictionKey(pupil.id, a.id)) ?? '');
      return pb === pa
        ? []
        : [{ pupilId: pupil.id, pseudonym: pupil.pseudonym, before: pb, after: pa }];
    });

  const removedAfterAnchor = new Map<string | null, PhaseDiff[]>(); // after-phase id (or null = start)
  let anchor: string | null = null;
  for (const phase of before.phases) {
    const match = matchOf.get(phase.id);
    if (match !== undefined) {
      anchor = match.id;
      continue;
    }
    const list = removedAfterAnchor.get(anchor) ?? [];
    list.push({
      kind: 'removed',
      before: phase,
      after: null,
      moved: false,
      fields: [],
      predictions: predictionChanges(phase, null),
    });
    removedAfterAnchor.set(anchor, list);
  }

  const phases: PhaseDiff[] = [...(removedAfterAnchor.get(null) ?? [])];
  for (const phase of after.phases) {
    const source =
      phase.copiedFrom !== null && matchOf.get(phase.copiedFrom) === phase
        ? (before.phases[beforeIndex.get(phase.copiedFrom) ?? -1] ?? null)
        : null;
    if (source === null) {
      phases.push({
        kind: 'added',
        before: null,
        after: phase,
        moved: false,
        fields: [],
        predictions: predictionChanges(null, phase),
      });
    } else {
      const fields = fieldChanges(source, phase);
      const predictions = predictionChanges(source, phase);
      phases.push({
        kind: fields.length > 0 || predictions.length > 0 ? 'changed' : 'unchanged',
        before: source,
        after: phase,
        moved: movedIds.has(phase.id),
        fields,
        predictions,
      });
    }
    phases.push(...(removedAfterAnchor.get(phase.id) ?? []));
  }
  return {
    phases,
    totalMinutes: { before: totalMinutes(before.phases), after: totalMinutes(after.phases) },
  };
}

export type TextChange = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

/** Above this many token pairs the diff gives up on detail: all removed, then all added. */
const MAX_DIFF_CELLS = 250_000;

/**
 * A word-level diff for display (pure): runs of unchanged, removed and added
 * text that concatenate (same + removed) to `before` and (same + added) to
 * `after`. A plain LCS over words and whitespace.
 */
export function textChanges(before: string, after: string): TextChange[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = before.match(/\s+|[^\s]+/g) ?? [];
  const b = after.match(/\s+|[^\s]+/g) ?? [];
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return [
      ...(before === '' ? [] : [{ kind: 'removed' as const, text: before }]),
      ...(after === '' ? [] : [{ kind: 'added' as const, text: after }]),
    ];
  }
  const n = a.length;
  const m = b.length;
  // lcs[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const ops: TextChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: 'same', text: a[i] ?? '' });
      i++;
      j++;
    } else if (
      i < n &&
      (j >= m || (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))
    ) {
      ops.push({ kind: 'removed', text: a[i] ?? '' });
      i++;
    } else {
      ops.push({ kind: 'added', text: b[j] ?? '' });
      j++;
    }
  }
  // Readability: a lone space between two changes belongs to the change, and
  // each change reads as "removed, then added".
  const out: TextChange[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed !== '') out.push({ kind: 'removed', text: removed });
    if (added !== '') out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  ops.forEach((op, k) => {
    const glue =
      op.kind === 'same' &&
      /^\s+$/.test(op.text) &&
      (ops[k - 1]?.kind ?? 'same') !== 'same' &&
      (ops[k + 1]?.kind ?? 'same') !== 'same';
    if (op.kind === 'removed' || glue) removed += op.text;
    if (op.kind === 'added' || glue) added += op.text;
    if (op.kind === 'same' && !glue) {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'same') out[out.length - 1] = { kind: 'same', text: last.text + op.text };
      else out.push(op);
    }
  });
  flush();
  return out;
}
