import * as v from 'valibot';
import type * as Y from 'yjs';

/**
 * The protocol of a debrief (nabespreking): the steps the chair leads the team
 * through, each with a suggested time and the data it shows. The default
 * follows the lesson-study post-lesson discussion (Lesson Study Alliance;
 * Dudley's Research Lesson Study): a quiet review of the evidence first, the
 * teacher who taught speaks first, then a round per case pupil, patterns
 * across the class, agreed findings and revisions, and the knowledgeable
 * other's closing remarks — 55 minutes, within 36 hours of the lesson.
 *
 * A team may keep its own protocol (edited, reordered) in its team document;
 * a debrief copies the protocol it runs with into its own log, so editing the
 * team's protocol never changes a debrief under way.
 */

/** What a step shows besides its notes; the runner renders the data by kind. */
export const STEP_KINDS = [
  'review', // (0) quiet review: merged timeline, photos, interview answers; flag moments
  'opening', // (1) thank the teacher; research question and goals
  'teacher', // (2) the teacher who taught speaks first
  'rationale', // (3) the planners' rationale
  'pupils', // (4) a round per case pupil: predicted against observed, phase by phase
  'patterns', // (5) patterns across the class: tallies, time on task, ratings
  'findings', // (6) agree findings and revisions
  'closing', // (7) the guest expert's closing remarks
  'custom', // a step of the team's own, with notes only
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type ProtocolStep = {
  readonly id: string;
  readonly kind: StepKind;
  /** The team's own title; empty = the translated default title of the kind. */
  readonly title: string;
  /** Suggested minutes (the timer counts against them). */
  readonly minutes: number;
};

export const MAX_PROTOCOL_STEPS = 20;
export const MAX_STEP_MINUTES = 120;
export const MAX_STEP_TITLE = 120;

/** Suggested minutes per step of the default protocol (55 minutes in all). */
const DEFAULT_MINUTES: Readonly<Record<Exclude<StepKind, 'custom'>, number>> = {
  review: 5,
  opening: 3,
  teacher: 5,
  rationale: 5,
  pupils: 15,
  patterns: 7,
  findings: 10,
  closing: 5,
};

/**
 * The default protocol. Step ids are fixed (`step-<kind>`, not random), so two
 * devices that start the same debrief offline start it with the same steps.
 */
export function defaultProtocol(): ProtocolStep[] {
  return (Object.keys(DEFAULT_MINUTES) as Array<keyof typeof DEFAULT_MINUTES>).map((kind) => ({
    id: `step-${kind}`,
    kind,
    title: '',
    minutes: DEFAULT_MINUTES[kind],
  }));
}

const STEP_ID = /^[A-Za-z0-9_-]{1,40}$/;

const StepSchema = v.object({
  id: v.pipe(v.string(), v.regex(STEP_ID)),
  kind: v.picklist(STEP_KINDS),
  title: v.pipe(v.string(), v.maxLength(MAX_STEP_TITLE)),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_STEP_MINUTES)),
});

const ProtocolSchema = v.pipe(
  v.array(StepSchema),
  v.minLength(1),
  v.maxLength(MAX_PROTOCOL_STEPS),
  v.check((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'duplicate step id'),
);

/** A peer's protocol, or null when it is malformed (1–20 steps, unique ids, sane minutes). */
export function parseProtocol(raw: unknown): ProtocolStep[] | null {
  const parsed = v.safeParse(ProtocolSchema, raw);
  return parsed.success ? parsed.output : null;
}

/** Total suggested minutes of a protocol. */
export const protocolMinutes = (steps: readonly ProtocolStep[]): number =>
  steps.reduce((sum, step) => sum + step.minutes, 0);

// ── editing (pure: returns a new protocol, or throws a RangeError) ──────────

/** Checks a protocol the team is about to save; throws a RangeError naming the rule broken. */
export function checkProtocol(steps: readonly ProtocolStep[]): ProtocolStep[] {
  const parsed = parseProtocol(steps);
  if (parsed === null) throw new RangeError('a protocol has 1–20 steps of 1–120 minutes');
  return parsed;
}

export function addStep(
  steps: readonly ProtocolStep[],
  newId: () => string,
  title: string,
): ProtocolStep[] {
  const step: ProtocolStep = {
    id: `step-${newId()}`,
    kind: 'custom',
    title: title.trim(),
    minutes: 5,
  };
  return checkProtocol([...steps, step]);
}

export function updateStep(
  steps: readonly ProtocolStep[],
  stepId: string,
  patch: Partial<Pick<ProtocolStep, 'title' | 'minutes'>>,
): ProtocolStep[] {
  return checkProtocol(steps.map((step) => (step.id === stepId ? { ...step, ...patch } : step)));
}

export function removeStep(steps: readonly ProtocolStep[], stepId: string): ProtocolStep[] {
  return checkProtocol(steps.filter((step) => step.id !== stepId));
}

/** Moves a step to `toIndex` (clamped). */
export function moveStep(
  steps: readonly ProtocolStep[],
  stepId: string,
  toIndex: number,
): ProtocolStep[] {
  const from = steps.findIndex((step) => step.id === stepId);
  if (from === -1) return [...steps];
  const next = [...steps];
  const [step] = next.splice(from, 1);
  if (step === undefined) return [...steps];
  next.splice(Math.max(0, Math.min(next.length, toIndex)), 0, step);
  return next;
}

// ── the team's own protocol (team document) ────────────────────────────────

/** `debriefProtocol` Y.Map in the team document: `steps` → ProtocolStep[] (plain, last writer wins). */
export const TEAM_DEBRIEF_PROTOCOL = 'debriefProtocol';

/** The team's saved protocol, or the default when it has none (or a malformed one). */
export function readTeamProtocol(teamDoc: Y.Doc): ProtocolStep[] {
  return parseProtocol(teamDoc.getMap(TEAM_DEBRIEF_PROTOCOL).get('steps')) ?? defaultProtocol();
}

/** Whether the team saved a protocol of its own. */
export function hasTeamProtocol(teamDoc: Y.Doc): boolean {
  return parseProtocol(teamDoc.getMap(TEAM_DEBRIEF_PROTOCOL).get('steps')) !== null;
}

export function saveTeamProtocol(
  teamDoc: Y.Doc,
  steps: readonly ProtocolStep[],
  origin?: unknown,
): void {
  const checked = checkProtocol(steps);
  teamDoc.transact(() => teamDoc.getMap(TEAM_DEBRIEF_PROTOCOL).set('steps', checked), origin);
}

/** Back to the default protocol. */
export function resetTeamProtocol(teamDoc: Y.Doc, origin?: unknown): void {
  const map = teamDoc.getMap(TEAM_DEBRIEF_PROTOCOL);
  if (map.has('steps')) teamDoc.transact(() => map.delete('steps'), origin);
}
