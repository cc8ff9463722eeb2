import * as v from 'valibot';
import type * as Y from 'yjs';
import { initCycleDoc, requireText } from './cycleDoc.ts';
import type { ModelContext } from './cycleTypes.ts';
import { isMemberId, type MemberId } from './ids.ts';

/**
 * A coaching track's two documents (README, "Coaching"). The server decides
 * who opens them: the coach and the coachee the shared one, the coach alone
 * the private one.
 *
 * The shared document is shaped like a cycle document (cycleDoc.ts), so the
 * live observation screen, the timeline and every measure work on its runs
 * unchanged: the coachee's lessons are runs of its research lesson 1, taught
 * by the coachee. Besides, these top-level names are its schema:
 *
 *   coaching       Y.Map  trackId, coachId, coacheeId, createdAt: marks the document as a
 *                         track's, so it is never listed or summarised as a cycle
 *   conversations  Y.Map  id → SharedConversation (plain): what the coach shared after a
 *                         conversation; only the coach writes it
 *   reflections    Y.Map  conversationId → Reflection (plain): the coachee's own words
 *   goals          Y.Map  id → Goal (plain): goals the coachee proposed or the two agreed
 *   links          Y.Map  `<cycleId>:<runId>` → RunLink (plain): runs of the team's cycles
 *                         in which the coachee taught, counted in the trends
 *
 * The coach's document holds the preparation and the conversation notes:
 *
 *   meta           Y.Map  schemaVersion, trackId
 *   preparation    Y.Map  the one being prepared: Preparation fields (plain values)
 *   held           Y.Map  conversationId → HeldConversation (plain): preparation and notes
 *                         of conversations held, kept for the coach alone
 *
 * Only what the coach shares (`shareConversation`) ever leaves the private
 * document. Readers validate every entry and skip malformed ones.
 */
export const COACHING_META = 'coaching';
export const COACHING_CONVERSATIONS = 'conversations';
export const COACHING_REFLECTIONS = 'reflections';
export const COACHING_GOALS = 'goals';
export const COACHING_LINKS = 'links';
export const COACH_META = 'meta';
export const COACH_PREPARATION = 'preparation';
export const COACH_HELD = 'held';
export const COACH_SCHEMA_VERSION = 1;

export const MAX_COACHING_TEXT = 2000;
export const MAX_STRENGTHS = 2;
export const MAX_QUESTIONS = 3;
export const DEFAULT_CONVERSATION_MINUTES = 45;

export type TrackParties = {
  readonly trackId: string;
  readonly coachId: MemberId;
  readonly coacheeId: MemberId;
  readonly createdAt: string;
};

/** A moment of a run the coach points at: the run and the lesson clock (ms). */
export type Moment = { readonly runId: string; readonly t: number };

export type Strength = { readonly text: string; readonly moment: Moment | null };

export type Preparation = {
  /** One or two strengths, each tied to a moment. */
  readonly strengths: readonly Strength[];
  /** ONE growth point, with a concrete "how": what to try, in which lesson moment. */
  readonly growth: string;
  readonly how: string;
  readonly questions: readonly string[];
  /** Notes taken during the conversation (private). */
  readonly notes: string;
  /** The one action step or goal agreed, focused on pupils. */
  readonly agreedStep: string;
  /** Kijkwijzer item keys (itemKey) the next observation focuses on. */
  readonly nextFocus: readonly string[];
  /** YYYY-MM-DD or ''. */
  readonly followUp: string;
  readonly minutes: number;
};

export const EMPTY_PREPARATION: Preparation = {
  strengths: [],
  growth: '',
  how: '',
  questions: [],
  notes: '',
  agreedStep: '',
  nextFocus: [],
  followUp: '',
  minutes: DEFAULT_CONVERSATION_MINUTES,
};

/** What the coachee sees of a conversation: only what the coach chose to share. */
export type SharedConversation = {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly minutes: number;
  readonly strengths: readonly string[];
  readonly growth: string;
  readonly how: string;
  readonly agreedStep: string;
  /** Labels of the items the next observation focuses on. */
  readonly nextFocus: readonly string[];
  readonly followUp: string;
  readonly sharedAt: string;
};

export type HeldConversation = Preparation & { readonly id: string; readonly date: string };

export type Reflection = { readonly text: string; readonly at: string };

export const GOAL_STATUSES = ['proposed', 'agreed', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export type Goal = {
  readonly id: string;
  readonly text: string;
  readonly status: GoalStatus;
  readonly proposedBy: MemberId;
  readonly createdAt: string;
};

export type RunLink = { readonly cycleId: string; readonly runId: string };

export type TrackSnapshot = {
  /** Null until the track's first write (the coach's device initialises it). */
  readonly parties: TrackParties | null;
  readonly conversations: readonly SharedConversation[];
  readonly reflections: ReadonlyMap<string, Reflection>;
  readonly goals: readonly Goal[];
  readonly links: readonly RunLink[];
};

const text = v.pipe(v.string(), v.maxLength(MAX_COACHING_TEXT));
const day = v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))]);
const minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8 * 60));

const PartiesSchema = v.object({
  trackId: v.string(),
  coachId: v.custom<MemberId>(isMemberId),
  coacheeId: v.custom<MemberId>(isMemberId),
  createdAt: v.string(),
});
const MomentSchema = v.object({ runId: v.string(), t: v.pipe(v.number(), v.minValue(0)) });
const SharedSchema = v.object({
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  minutes,
  strengths: v.array(text),
  growth: text,
  how: text,
  agreedStep: text,
  nextFocus: v.array(v.string()),
  followUp: day,
  sharedAt: v.string(),
});
const ReflectionSchema = v.object({ text, at: v.string() });
const GoalSchema = v.object({
  text: v.pipe(text, v.minLength(1)),
  status: v.picklist(GOAL_STATUSES),
  proposedBy: v.custom<MemberId>(isMemberId),
  createdAt: v.string(),
});
const LinkSchema = v.object({ cycleId: v.string(), runId: v.string() });
const PreparationSchema = v.object({
  strengths: v.array(v.object({ text, moment: v.nullable(MomentSchema) })),
  growth: text,
  how: text,
  questions: v.array(text),
  notes: v.pipe(v.string(), v.maxLength(MAX_COACHING_TEXT * 5)),
  agreedStep: text,
  nextFocus: v.array(v.string()),
  followUp: day,
  minutes,
});
const HeldSchema = v.object({ ...PreparationSchema.entries, date: SharedSchema.entries.date });

function entries<T>(
  map: Y.Map<unknown>,
  schema: v.GenericSchema<unknown, T>,
): Array<{ id: string; value: T }> {
  const out: Array<{ id: string; value: T }> = [];
  for (const [id, raw] of map.entries()) {
    const parsed = v.safeParse(schema, raw);
    if (parsed.success) out.push({ id, value: parsed.output });
  }
  return out;
}

// ── the shared document ─────────────────────────────────────────────────────

/**
 * Makes a fresh shared document a track's: a cycle-shaped document (so runs
 * can be observed) marked with the parties. Idempotent; the coach's device
 * calls it when the track starts.
 */
export function initSharedTrackDoc(doc: Y.Doc, parties: TrackParties, ctx: ModelContext): void {
  doc.transact(() => {
    initCycleDoc(
      doc,
      { title: 'Coaching', subject: '', yearGroup: '', createdBy: parties.coachId },
      ctx,
    );
    const meta = doc.getMap(COACHING_META);
    if (!meta.has('trackId'))
      for (const [key, value] of Object.entries(parties)) meta.set(key, value);
  }, ctx.origin);
}

/** The parties of a track document, or null for any other document (a cycle). */
export function readTrackParties(doc: Y.Doc): TrackParties | null {
  if (!doc.share.has(COACHING_META)) return null;
  const parsed = v.safeParse(PartiesSchema, doc.getMap(COACHING_META).toJSON());
  return parsed.success ? parsed.output : null;
}

/** True for a coaching track's shared document: it is never listed or summarised as a cycle. */
export function isTrackDoc(doc: Y.Doc): boolean {
  return doc.share.has(COACHING_META) && doc.getMap(COACHING_META).size > 0;
}

export function readTrack(doc: Y.Doc): TrackSnapshot {
  const conversations = entries(doc.getMap(COACHING_CONVERSATIONS), SharedSchema)
    .map(({ id, value }) => ({ id, ...value }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.sharedAt.localeCompare(b.sharedAt));
  const reflections = new Map(
    entries(doc.getMap(COACHING_REFLECTIONS), ReflectionSchema).map(({ id, value }) => [id, value]),
  );
  const goals = entries(doc.getMap(COACHING_GOALS), GoalSchema)
    .map(({ id, value }) => ({ id, ...value }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const links = entries(doc.getMap(COACHING_LINKS), LinkSchema).map(({ value }) => value);
  return { parties: readTrackParties(doc), conversations, reflections, goals, links };
}

/** The coachee writes (or rewrites) their reflection on a shared conversation. */
export function setReflection(
  doc: Y.Doc,
  conversationId: string,
  reflection: string,
  ctx: ModelContext,
): void {
  const value: Reflection = {
    text: requireText(reflection, 'reflection', MAX_COACHING_TEXT),
    at: ctx.now(),
  };
  doc.transact(() => doc.getMap(COACHING_REFLECTIONS).set(conversationId, value), ctx.origin);
}

/** A goal proposed by either party ('proposed'), or agreed at once by the coach. */
export function addGoal(
  doc: Y.Doc,
  input: { text: string; by: MemberId; status?: GoalStatus },
  ctx: ModelContext,
): string {
  const id = ctx.newId();
  const goal = {
    text: requireText(input.text, 'goal', MAX_COACHING_TEXT, 1),
    status: input.status ?? 'proposed',
    proposedBy: input.by,
    createdAt: ctx.now(),
  };
  doc.transact(() => doc.getMap(COACHING_GOALS).set(id, goal), ctx.origin);
  return id;
}

export function setGoalStatus(doc: Y.Doc, id: string, status: GoalStatus, ctx: ModelContext): void {
  const goals = doc.getMap(COACHING_GOALS);
  const parsed = v.safeParse(GoalSchema, goals.get(id));
  if (!parsed.success) throw new RangeError('no such goal');
  doc.transact(() => goals.set(id, { ...parsed.output, status }), ctx.origin);
}

/** Counts a run of one of the team's cycles, taught by the coachee, in the track. */
export function linkRun(doc: Y.Doc, link: RunLink, ctx: ModelContext): void {
  doc.transact(
    () => doc.getMap(COACHING_LINKS).set(`${link.cycleId}:${link.runId}`, { ...link }),
    ctx.origin,
  );
}

export function unlinkRun(doc: Y.Doc, link: RunLink, ctx: ModelContext): void {
  doc.transact(
    () => doc.getMap(COACHING_LINKS).delete(`${link.cycleId}:${link.runId}`),
    ctx.origin,
  );
}

// ── the coach's document ────────────────────────────────────────────────────

export function initCoachDoc(doc: Y.Doc, trackId: string, ctx: ModelContext): void {
  doc.transact(() => {
    const meta = doc.getMap(COACH_META);
    if (meta.get('schemaVersion') !== COACH_SCHEMA_VERSION)
      meta.set('schemaVersion', COACH_SCHEMA_VERSION);
    if (!meta.has('trackId')) meta.set('trackId', trackId);
  }, ctx.origin);
}

/** The preparation in progress; fields that fail validation read as empty. */
export function readPreparation(doc: Y.Doc): Preparation {
  const raw = doc.getMap(COACH_PREPARATION).toJSON();
  const parsed = v.safeParse(PreparationSchema, { ...EMPTY_PREPARATION, ...raw });
  return parsed.success ? parsed.output : EMPTY_PREPARATION;
}

/** Changes fields of the preparation, checked against the limits (at most two strengths, three questions). */
export function updatePreparation(
  doc: Y.Doc,
  patch: Partial<Preparation>,
  ctx: ModelContext,
): void {
  const next = { ...readPreparation(doc), ...patch };
  if (next.strengths.length > MAX_STRENGTHS) throw new RangeError('at most two strengths');
  if (next.questions.length > MAX_QUESTIONS) throw new RangeError('at most three questions');
  const parsed = v.safeParse(PreparationSchema, next);
  if (!parsed.success) throw new RangeError(`invalid preparation: ${parsed.issues[0].message}`);
  const map = doc.getMap(COACH_PREPARATION);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) map.set(key, value);
  }, ctx.origin);
}

export function readHeldConversations(doc: Y.Doc): HeldConversation[] {
  return entries(doc.getMap(COACH_HELD), HeldSchema)
    .map(({ id, value }) => ({ id, ...value }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * After the conversation: the coach shares its summary into the shared
 * document (strengths' words, the growth point and its how, the agreed step,
 * the next focus by label, the follow-up date; never the notes, questions or
 * the moments' evidence), keeps the whole preparation with its notes in the
 * private document, and starts a fresh preparation. Needs an agreed step.
 * Returns the conversation's id.
 */
export function shareConversation(
  shared: Y.Doc,
  coach: Y.Doc,
  input: { date: string; focusLabels: ReadonlyMap<string, string> },
  ctx: ModelContext,
): string {
  const prep = readPreparation(coach);
  if (prep.agreedStep.trim() === '') throw new RangeError('agree on one step first');
  const id = ctx.newId();
  const summary: Omit<SharedConversation, 'id'> = {
    date: input.date,
    minutes: prep.minutes,
    strengths: prep.strengths.map((strength) => strength.text).filter((s) => s.trim() !== ''),
    growth: prep.growth,
    how: prep.how,
    agreedStep: prep.agreedStep,
    nextFocus: prep.nextFocus.map((key) => input.focusLabels.get(key) ?? key),
    followUp: prep.followUp,
    sharedAt: ctx.now(),
  };
  if (!v.safeParse(SharedSchema, summary).success) throw new RangeError('invalid conversation');
  const held: Omit<HeldConversation, 'id'> = { ...prep, date: input.date };
  shared.transact(() => shared.getMap(COACHING_CONVERSATIONS).set(id, summary), ctx.origin);
  coach.transact(() => {
    coach.getMap(COACH_HELD).set(id, held);
    const preparation = coach.getMap(COACH_PREPARATION);
    for (const key of [...preparation.keys()]) preparation.delete(key);
    // The next observation keeps the agreed focus until the coach changes it.
    preparation.set('nextFocus', [...prep.nextFocus]);
  }, ctx.origin);
  return id;
}

/**
 * What a track holds for a member to take along (their download, "My data"):
 * what both see, and from the coach's document, when given, the preparation
 * and the notes of conversations held.
 */
export function trackContents(
  shared: Y.Doc,
  coach: Y.Doc | null,
): {
  conversations: readonly SharedConversation[];
  reflections: Readonly<Record<string, Reflection>>;
  goals: readonly Goal[];
  preparation?: Preparation;
  held?: readonly HeldConversation[];
} {
  const track = readTrack(shared);
  return {
    conversations: track.conversations,
    reflections: Object.fromEntries(track.reflections),
    goals: track.goals,
    ...(coach ? { preparation: readPreparation(coach), held: readHeldConversations(coach) } : {}),
  };
}
