import * as v from 'valibot';
import type * as Y from 'yjs';
import type { CasePupilId, ModelContext, PhaseId, RunId } from './cycleTypes.ts';
import { type ProtocolStep, parseProtocol } from './debriefProtocol.ts';
import { isId, type MemberId } from './ids.ts';
import { withoutUndefined } from './withoutUndefined.ts';

/**
 * The debrief (nabespreking) of a run: who has which role, where the chair
 * has taken the protocol, what was said and on which evidence, the team's
 * judgement per case pupil and phase, and the findings it agreed.
 *
 * Storage (cycle document), like the observation log: one append-only
 * TOP-LEVEL Y.Array of plain entries per run,
 *
 *   debrief:<runId>                   Y.Array<DebriefEntry (plain object)>
 *   debriefNotes:<runId>:<stepId>     Y.Text, the recorder's notes of a step (merged per character)
 *
 * Nothing is ever rewritten: moving the protocol on, changing a judgement or
 * a finding, removing a contribution are new entries, and `foldDebrief` reads
 * the state. So two devices that debrief offline (the chair's laptop on the
 * projector, the recorder's tablet) merge without losing anything: where both
 * set the same thing (two chairs advancing at once, two judgements of one
 * cell), the entry with the latest (at, id) wins on every device alike, and
 * the other stays in the log. Top-level types are named, so two devices that
 * create the log at once create the same one.
 */
export const DEBRIEF_LOG = 'debrief';
export const DEBRIEF_NOTES = 'debriefNotes';

export const debriefLogName = (runId: RunId): string => `${DEBRIEF_LOG}:${runId}`;
export const debriefNotesName = (runId: RunId, stepId: string): string =>
  `${DEBRIEF_NOTES}:${runId}:${stepId}`;

/** Roles in a debrief (not the team roles of the roster). */
export const DEBRIEF_ROLES = ['chair', 'recorder', 'teacher', 'observer', 'guest'] as const;
export type DebriefRole = (typeof DEBRIEF_ROLES)[number];

/** The team's agreed judgement of a case pupil in a phase against the prediction. */
export const JUDGEMENTS = ['as-predicted', 'better', 'worse', 'not-observed'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/** Whether the change an earlier finding caused worked, judged in a later run's debrief. */
export const VERDICTS = ['worked', 'partly', 'not', 'unclear'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What a plan change of a finding changes in the next research lesson. */
export const CHANGE_TARGETS = ['phase', 'prediction', 'observerFocus'] as const;
export type ChangeTarget = (typeof CHANGE_TARGETS)[number];

export const MAX_DEBRIEF_TEXT = 5000;
export const MAX_GUEST_NAME = 80;
export const MAX_EVIDENCE = 20;
export const MAX_CHANGES = 10;

/**
 * A piece of evidence a contribution or finding rests on: an observation
 * event (note, tally, rating, check, photo or interview answer), a cell of
 * the predicted-versus-observed matrix, or a figure of the summaries.
 */
export type EvidenceRef =
  | { readonly type: 'event'; readonly id: string }
  | { readonly type: 'cell'; readonly pupilId: CasePupilId; readonly phaseId: PhaseId }
  | { readonly type: 'summary'; readonly key: string };

export type PlannedChange = {
  readonly id: string;
  readonly target: ChangeTarget;
  /** The phase of this run's research lesson it concerns (null: the lesson as a whole). */
  readonly phaseId: PhaseId | null;
  readonly pupilId?: CasePupilId;
  readonly text: string;
};

/** The measure a later run compares: the same kijkwijzer item, for the same case pupil (or the class). */
export type FindingCheck = { readonly itemId: string; readonly pupilId?: CasePupilId };

const SUMMARY_KEY = /^[A-Za-z0-9_.:|-]{1,160}$/;
const ITEM_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const STEP_ID = /^[A-Za-z0-9_-]{1,40}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const Id = v.pipe(
  v.string(),
  v.check((value: string) => isId(value), 'must be an id'),
);
const Text = v.pipe(v.string(), v.maxLength(MAX_DEBRIEF_TEXT));
const StepId = v.pipe(v.string(), v.regex(STEP_ID));

const EvidenceSchema = v.variant('type', [
  v.object({ type: v.literal('event'), id: Id }),
  v.object({ type: v.literal('cell'), pupilId: Id, phaseId: Id }),
  v.object({ type: v.literal('summary'), key: v.pipe(v.string(), v.regex(SUMMARY_KEY)) }),
]);
const EvidenceList = v.pipe(v.array(EvidenceSchema), v.maxLength(MAX_EVIDENCE));

const ChangeSchema = v.object({
  id: Id,
  target: v.picklist(CHANGE_TARGETS),
  phaseId: v.nullable(Id),
  pupilId: v.optional(Id),
  text: v.pipe(Text, v.minLength(1)),
});

const CheckSchema = v.object({
  itemId: v.pipe(v.string(), v.regex(ITEM_ID)),
  pupilId: v.optional(Id),
});

const Common = {
  id: Id,
  by: Id,
  at: v.pipe(v.string(), v.maxLength(40), v.regex(ISO)),
  /** Lamport clock: one more than every entry the writer's log held (see foldDebrief). */
  n: v.pipe(v.number(), v.integer(), v.minValue(0)),
};

const EntrySchema = v.variant('kind', [
  v.object({ ...Common, kind: v.literal('protocol'), steps: v.array(v.unknown()) }),
  v.object({ ...Common, kind: v.literal('step'), stepId: StepId }),
  v.object({
    ...Common,
    kind: v.literal('role'),
    memberId: v.optional(Id),
    name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_GUEST_NAME))),
    role: v.nullable(v.picklist(DEBRIEF_ROLES)),
  }),
  v.object({
    ...Common,
    kind: v.literal('contribution'),
    stepId: StepId,
    text: v.pipe(Text, v.minLength(1)),
    evidence: EvidenceList,
    /** Who said it, when the recorder notes it for a colleague (default: the writer). */
    speakerId: v.optional(Id),
    pupilId: v.optional(Id),
    phaseId: v.optional(Id),
  }),
  v.object({
    ...Common,
    kind: v.literal('flag'),
    evidence: EvidenceSchema,
    text: v.optional(Text),
  }),
  v.object({
    ...Common,
    kind: v.literal('judgement'),
    pupilId: Id,
    phaseId: Id,
    value: v.nullable(v.picklist(JUDGEMENTS)),
    text: Text,
  }),
  v.object({
    ...Common,
    kind: v.literal('finding'),
    findingId: Id,
    text: v.pipe(Text, v.minLength(1)),
    evidence: EvidenceList,
    changes: v.pipe(v.array(ChangeSchema), v.maxLength(MAX_CHANGES)),
    check: v.nullable(CheckSchema),
    openQuestion: v.boolean(),
  }),
  v.object({
    ...Common,
    kind: v.literal('verdict'),
    findingId: Id,
    value: v.nullable(v.picklist(VERDICTS)),
    text: Text,
  }),
  v.object({ ...Common, kind: v.literal('remove'), target: Id }),
]);

export type DebriefEntry = v.InferOutput<typeof EntrySchema>;
export type DebriefEntryKind = DebriefEntry['kind'];
/** What a caller passes to `appendDebriefEntry`: id, by, at and n are assigned. */
export type DebriefInput = DebriefEntry extends unknown
  ? DistributiveOmit<DebriefEntry, 'id' | 'by' | 'at' | 'n'>
  : never;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A peer's entry, or null when it is malformed (a role needs a member or a guest's name). */
export function parseDebriefEntry(raw: unknown): DebriefEntry | null {
  const parsed = v.safeParse(EntrySchema, raw);
  if (!parsed.success) return null;
  const entry = parsed.output;
  if (entry.kind === 'role' && (entry.memberId === undefined) === (entry.name === undefined))
    return null;
  if (entry.kind === 'protocol' && parseProtocol(entry.steps) === null) return null;
  return entry;
}

// ── storage ────────────────────────────────────────────────────────────────

function logArray(doc: Y.Doc, runId: RunId): Y.Array<unknown> {
  return doc.getArray(debriefLogName(runId));
}

/**
 * Appends one entry to the run's debrief log as `by`'s, in one transaction,
 * and returns it. Throws a RangeError for an entry that breaks the rules.
 */
export function appendDebriefEntry(
  doc: Y.Doc,
  runId: RunId,
  by: MemberId,
  input: DebriefInput,
  ctx: ModelContext,
): DebriefEntry {
  if (!isId(runId)) throw new RangeError('runId must be an id');
  const log = logArray(doc, runId);
  let n = 0;
  for (const raw of log) {
    const seen = (raw as { n?: unknown } | null)?.n;
    if (typeof seen === 'number' && Number.isInteger(seen) && seen >= n) n = seen + 1;
  }
  const entry = parseDebriefEntry(
    withoutUndefined({ ...input, id: ctx.newId(), by, at: ctx.now(), n }),
  );
  if (entry === null) throw new RangeError(`malformed debrief entry (${input.kind})`);
  doc.transact(() => log.push([entry]), ctx.origin);
  return entry;
}

export type DebriefLog = { readonly entries: readonly DebriefEntry[]; readonly skipped: number };

/** The run's debrief log, in stored order; malformed entries skipped and counted. */
export function readDebriefLog(doc: Y.Doc, runId: RunId): DebriefLog {
  if (!doc.share.has(debriefLogName(runId))) return { entries: [], skipped: 0 };
  let skipped = 0;
  const entries: DebriefEntry[] = [];
  for (const raw of logArray(doc, runId).toArray()) {
    const entry = parseDebriefEntry(raw);
    if (entry === null) skipped++;
    else entries.push(entry);
  }
  return { entries, skipped };
}

/** The recorder's shared notes of one step (created on first use; merged per character). */
export function debriefNotes(doc: Y.Doc, runId: RunId, stepId: string): Y.Text {
  return doc.getText(debriefNotesName(runId, stepId));
}

/**
 * Calls `listener` after every transaction that changed the run's debrief
 * log. Typing in a step's notes does not: the notes are bound as texts of
 * their own, so a keystroke does not fold the log again.
 */
export function onDebriefChange(doc: Y.Doc, runId: RunId, listener: () => void): () => void {
  const name = debriefLogName(runId);
  const handler = (tr: Y.Transaction) => {
    const log = doc.share.get(name);
    if (log !== undefined && tr.changed.has(log)) listener();
  };
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

// ── folding ────────────────────────────────────────────────────────────────

export type Person = { readonly memberId: MemberId } | { readonly name: string };

export const personKey = (person: Person): string =>
  'memberId' in person ? person.memberId : `guest:${person.name}`;

export type RoleAssignment = { readonly person: Person; readonly role: DebriefRole };

export type Contribution = Omit<Extract<DebriefEntry, { kind: 'contribution' }>, 'evidence'> & {
  readonly evidence: readonly EvidenceRef[];
};
export type Flag = Omit<Extract<DebriefEntry, { kind: 'flag' }>, 'evidence'> & {
  readonly evidence: EvidenceRef;
};

export type CellJudgement = {
  readonly value: Judgement;
  readonly text: string;
  readonly by: MemberId;
  readonly at: string;
};

export type Finding = {
  readonly id: string;
  readonly text: string;
  readonly evidence: readonly EvidenceRef[];
  readonly changes: readonly PlannedChange[];
  readonly check: FindingCheck | null;
  readonly openQuestion: boolean;
  /** Who first wrote it, and when. */
  readonly by: MemberId;
  readonly createdAt: string;
  readonly updatedAt: string;
};

export type FindingVerdict = {
  readonly value: Verdict;
  readonly text: string;
  readonly by: MemberId;
  readonly at: string;
};

export type DebriefState = {
  /** Whether anyone has written anything into this debrief. */
  readonly started: boolean;
  /** The protocol the debrief runs with; null until one was written (the runner then offers the team's). */
  readonly protocol: readonly ProtocolStep[] | null;
  /** The step the chair moved to, and since when; null before the first move. */
  readonly current: {
    readonly stepId: string;
    readonly since: string;
    readonly by: MemberId;
  } | null;
  /** Role per person (by personKey), in the order they were first given one. */
  readonly roles: ReadonlyMap<string, RoleAssignment>;
  /** Contributions not removed, oldest first. */
  readonly contributions: readonly Contribution[];
  /** Moments flagged in the quiet review, not removed, oldest first. */
  readonly flags: readonly Flag[];
  /** Agreed judgement per `cellKey(pupilId, phaseId)`. */
  readonly judgements: ReadonlyMap<string, CellJudgement>;
  /** Findings not removed, in the order they were first written. */
  readonly findings: readonly Finding[];
  /** Verdict per earlier finding's id. */
  readonly verdicts: ReadonlyMap<string, FindingVerdict>;
};

export const cellKey = (pupilId: string, phaseId: string): string => `${pupilId}:${phaseId}`;

/**
 * (n, at, id): the order every device agrees on, whatever order the entries
 * merged in. The Lamport clock `n` comes first, so an entry written after
 * another was seen always comes after it, even from a device whose clock
 * runs behind (the chair's laptop moving on after the tablet did); entries
 * written without seeing each other (two chairs at once) are ordered by
 * wall clock, then id.
 */
const byTime = (a: DebriefEntry, b: DebriefEntry): number =>
  a.n - b.n || a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

/**
 * The state of a debrief from its log. Later entries (see byTime) win where
 * two set the same thing; an entry or finding that a `remove` names is gone,
 * whenever the remove was written.
 */
export function foldDebrief(entries: readonly DebriefEntry[]): DebriefState {
  const sorted = [...entries].sort(byTime);
  const removed = new Set<string>();
  for (const entry of sorted) if (entry.kind === 'remove') removed.add(entry.target);
  let protocol: ProtocolStep[] | null = null;
  let current: DebriefState['current'] = null;
  const roles = new Map<string, RoleAssignment>();
  const contributions: Contribution[] = [];
  const flags: Flag[] = [];
  const judgements = new Map<string, CellJudgement>();
  const findings = new Map<string, Finding>();
  const verdicts = new Map<string, FindingVerdict>();
  const seen = new Set<string>();
  for (const entry of sorted) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    switch (entry.kind) {
      case 'protocol':
        protocol = parseProtocol(entry.steps);
        break;
      case 'step':
        current = { stepId: entry.stepId, since: entry.at, by: entry.by as MemberId };
        break;
      case 'role': {
        const person: Person =
          entry.memberId !== undefined
            ? { memberId: entry.memberId as MemberId }
            : { name: entry.name ?? '' };
        const key = personKey(person);
        if (entry.role === null) roles.delete(key);
        else roles.set(key, { person, role: entry.role });
        break;
      }
      case 'contribution':
        if (!removed.has(entry.id)) contributions.push(entry as Contribution);
        break;
      case 'flag':
        if (!removed.has(entry.id)) flags.push(entry as Flag);
        break;
      case 'judgement': {
        const key = cellKey(entry.pupilId, entry.phaseId);
        if (entry.value === null) judgements.delete(key);
        else
          judgements.set(key, {
            value: entry.value,
            text: entry.text,
            by: entry.by as MemberId,
            at: entry.at,
          });
        break;
      }
      case 'finding': {
        const before = findings.get(entry.findingId);
        findings.set(entry.findingId, {
          id: entry.findingId,
          text: entry.text,
          evidence: entry.evidence as EvidenceRef[],
          changes: entry.changes as PlannedChange[],
          check: entry.check as FindingCheck | null,
          openQuestion: entry.openQuestion,
          by: before?.by ?? (entry.by as MemberId),
          createdAt: before?.createdAt ?? entry.at,
          updatedAt: entry.at,
        });
        break;
      }
      case 'verdict':
        if (entry.value === null) verdicts.delete(entry.findingId);
        else
          verdicts.set(entry.findingId, {
            value: entry.value,
            text: entry.text,
            by: entry.by as MemberId,
            at: entry.at,
          });
        break;
      case 'remove':
        break;
    }
  }
  return {
    started: entries.length > 0,
    protocol,
    current,
    roles,
    contributions,
    flags,
    judgements,
    findings: [...findings.values()].filter((finding) => !removed.has(finding.id)),
    verdicts,
  };
}

/** The current step of a debrief in its protocol: the chair's, else the first. */
export function currentStep(
  state: DebriefState,
  protocol: readonly ProtocolStep[],
): { readonly step: ProtocolStep; readonly index: number; readonly since: string | null } | null {
  const index = state.current
    ? protocol.findIndex((step) => step.id === state.current?.stepId)
    : -1;
  if (index >= 0) {
    const step = protocol[index];
    if (step) return { step, index, since: state.current?.since ?? null };
  }
  const first = protocol[0];
  return first ? { step: first, index: 0, since: null } : null;
}

/**
 * Seconds into the current step at `nowMs` (wall clock), or null before the
 * chair moved to a step; never negative (a device whose clock runs behind).
 */
export function stepElapsedSeconds(since: string | null, nowMs: number): number | null {
  if (since === null) return null;
  const start = Date.parse(since);
  if (!Number.isFinite(start)) return null;
  return Math.max(0, Math.floor((nowMs - start) / 1000));
}

export type EvidenceShare = {
  readonly total: number;
  readonly withEvidence: number;
  /** withEvidence / total, or null without contributions. */
  readonly share: number | null;
};

/** How much of the discussion so far (or of one step) rests on evidence. */
export function evidenceShare(
  contributions: readonly Contribution[],
  stepId?: string,
): EvidenceShare {
  let total = 0;
  let withEvidence = 0;
  for (const contribution of contributions) {
    if (stepId !== undefined && contribution.stepId !== stepId) continue;
    total++;
    if (contribution.evidence.length > 0) withEvidence++;
  }
  return { total, withEvidence, share: total === 0 ? null : withEvidence / total };
}
