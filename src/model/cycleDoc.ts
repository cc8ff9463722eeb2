import * as v from 'valibot';
import * as Y from 'yjs';
import {
  type AnticipatedResponse,
  type Baseline,
  type CasePupil,
  type CasePupilId,
  CYCLE_STAGES,
  type CycleId,
  type CycleMeta,
  type CycleSnapshot,
  type CycleStage,
  type CycleSummary,
  type CycleTextField,
  DEFAULT_LESSON_MINUTES,
  type InterviewQuestion,
  type ModelContext,
  PHASE_TEXT_FIELDS,
  type Phase,
  type PhaseId,
  type QuestionId,
  type ResearchLesson,
  type ResearchLessonId,
  type ResponseId,
  type Run,
  type RunId,
  type RunObserver,
} from './cycleTypes.ts';

export { DEFAULT_LESSON_MINUTES };

import { isId, isMemberId, type MemberId } from './ids.ts';
import { positionAtEnd, sortPositioned } from './positions.ts';
import { applyTextEdit } from './textBinding.ts';

/**
 * The cycle document (README, Documents).
 * These top-level names are the schema: renaming one orphans every cycle's
 * data, so they never change.
 *
 *   meta            Y.Map   schemaVersion, title/subject/yearGroup (Y.Text), stage, lessonMinutes, createdAt, createdBy
 *   baselines       Y.Map   id → { label, value: number|null, unit, position } (plain, last writer wins)
 *   text:<field>    Y.XmlFragment per CycleTextField (bound by the rich-text editor)
 *   researchLessons Y.Map   'rl1'|'rl2'|'rl3' → Y.Map { number, createdAt, phases, predictions }
 *   casePupils      Y.Map   id → Y.Map { position, pseudonym: Y.Text, profile: Y.Text }
 *   runs            Y.Map   id → Y.Map { researchLessonId, date, className, teacherId, createdAt, observers, interviewQuestions }
 */
export const CYCLE_META = 'meta';
export const CYCLE_BASELINES = 'baselines';
export const CYCLE_RESEARCH_LESSONS = 'researchLessons';
export const CYCLE_CASE_PUPILS = 'casePupils';
export const CYCLE_RUNS = 'runs';
export const CYCLE_SCHEMA_VERSION = 1;

export const cycleTextName = (field: CycleTextField): string => `text:${field}`;

export const cycleMetaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CYCLE_META);
export const baselinesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CYCLE_BASELINES);
export const researchLessonsMap = (doc: Y.Doc): Y.Map<unknown> =>
  doc.getMap(CYCLE_RESEARCH_LESSONS);
export const casePupilsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CYCLE_CASE_PUPILS);
export const runsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CYCLE_RUNS);

/** The shared rich text of one long field of the cycle, for the collaborative editor to bind to. */
export function cycleText(doc: Y.Doc, field: CycleTextField): Y.XmlFragment {
  return doc.getXmlFragment(cycleTextName(field));
}

/** Plain text of a rich-text field: one line per paragraph (for summaries, print, diffs). */
export function cycleTextPlain(doc: Y.Doc, field: CycleTextField): string {
  const lines: string[] = [];
  for (const child of cycleText(doc, field).toArray()) lines.push(xmlPlain(child));
  return lines.join('\n');
}

function xmlPlain(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return node.toDelta().map(deltaText).join('');
  if (node instanceof Y.XmlElement) return node.toArray().map(xmlPlain).join('');
  return '';
}

function deltaText(op: { insert?: unknown }): string {
  return typeof op.insert === 'string' ? op.insert : '';
}

// ── shared helpers for the sibling modules (phases, predictions, runs…) ─────

/** `rl1`, `rl2`, `rl3`: deterministic, so two people preparing RL2 at once make one RL2. */
export const researchLessonIdOf = (n: number): ResearchLessonId => `rl${n}` as ResearchLessonId;
const RL_ID = /^rl([1-9][0-9]?)$/;

export function isResearchLessonId(value: unknown): value is ResearchLessonId {
  return typeof value === 'string' && RL_ID.test(value);
}

export function isYMap(value: unknown): value is Y.Map<unknown> {
  return value instanceof Y.Map;
}

export function researchLessonMap(doc: Y.Doc, rlId: ResearchLessonId): Y.Map<unknown> | null {
  const rl = researchLessonsMap(doc).get(rlId);
  return isYMap(rl) ? rl : null;
}

export function phasesOf(rl: Y.Map<unknown>): Y.Map<unknown> | null {
  const phases = rl.get('phases');
  return isYMap(phases) ? phases : null;
}

export function predictionsOf(rl: Y.Map<unknown>): Y.Map<unknown> | null {
  const predictions = rl.get('predictions');
  return isYMap(predictions) ? predictions : null;
}

export function phaseMap(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
): Y.Map<unknown> | null {
  const rl = researchLessonMap(doc, rlId);
  const phase = rl === null ? undefined : phasesOf(rl)?.get(phaseId);
  return isYMap(phase) ? phase : null;
}

export function textIn(map: Y.Map<unknown>, key: string): Y.Text | null {
  const text = map.get(key);
  return text instanceof Y.Text ? text : null;
}

export function newText(content = ''): Y.Text {
  const text = new Y.Text();
  if (content.length > 0) text.insert(0, content);
  return text;
}

/** A new, empty research lesson (to be set under its `rlN` key). */
export function newResearchLessonMap(number: number, createdAt: string): Y.Map<unknown> {
  const rl = new Y.Map<unknown>();
  rl.set('number', number);
  rl.set('createdAt', createdAt);
  rl.set('phases', new Y.Map());
  rl.set('predictions', new Y.Map());
  return rl;
}

/** (id, position) of the valid entries of a map of positioned Y.Maps, in order. */
export function orderOf(map: Y.Map<unknown>): { id: string; position: string }[] {
  const items: { id: string; position: string }[] = [];
  for (const [id, entry] of map.entries()) {
    if (!isYMap(entry)) continue;
    const position = entry.get('position');
    if (typeof position === 'string') items.push({ id, position });
  }
  return sortPositioned(items);
}

/** Writes the rewrites of a placement (see positions.ts) onto the entries of `map`. */
export function applyRewrites(map: Y.Map<unknown>, rewrites: ReadonlyMap<string, string>): void {
  for (const [id, position] of rewrites) {
    const entry = map.get(id);
    if (isYMap(entry)) entry.set('position', position);
  }
}

export function requireText(value: string, what: string, max: number, min = 0): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max)
    throw new RangeError(`${what} must be ${min}–${max} characters`);
  return trimmed;
}

export function requireInteger(value: number, what: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${what} must be an integer from ${min} to ${max}`);
  return value;
}

// ── init and meta ──────────────────────────────────────────────────────────

export type CycleInit = {
  readonly title: string;
  readonly subject: string;
  readonly yearGroup: string;
  /** Planned lesson length in minutes; default 50. */
  readonly lessonMinutes?: number;
  readonly createdBy: MemberId | null;
};

/**
 * Fills what a new or older cycle document lacks (meta defaults, an empty
 * RL1); idempotent, never overwrites. Call it when creating the cycle or on a
 * document already loaded from storage/the server: on a still-empty replica it
 * would make a second RL1 that competes with the real one when they merge.
 */
export function initCycleDoc(doc: Y.Doc, init: CycleInit, ctx: ModelContext): void {
  const title = requireText(init.title, 'cycle title', 120, 1);
  const lessonMinutes = requireInteger(
    init.lessonMinutes ?? DEFAULT_LESSON_MINUTES,
    'lesson minutes',
    5,
    480,
  );
  doc.transact(() => {
    const meta = cycleMetaMap(doc);
    const now = ctx.now();
    const defaults: Record<string, unknown> = {
      title,
      subject: init.subject.trim(),
      yearGroup: init.yearGroup.trim(),
      stage: CYCLE_STAGES[0],
      lessonMinutes,
      createdAt: now,
      createdBy: init.createdBy,
    };
    for (const [key, value] of Object.entries(defaults)) {
      if (meta.has(key)) continue;
      meta.set(key, isMetaTextKey(key) ? new Y.Text(String(value)) : value);
    }
    if (meta.get('schemaVersion') !== CYCLE_SCHEMA_VERSION)
      meta.set('schemaVersion', CYCLE_SCHEMA_VERSION);
    const rls = researchLessonsMap(doc);
    const rl1 = researchLessonIdOf(1);
    if (!isYMap(rls.get(rl1))) rls.set(rl1, newResearchLessonMap(1, now));
  }, ctx.origin);
}

const BaselineSchema = v.object({
  label: v.string(),
  value: v.nullable(v.pipe(v.number(), v.finite())),
  unit: v.string(),
  position: v.string(),
  after: v.optional(v.nullable(v.pipe(v.number(), v.finite())), null),
});

function readBaselines(doc: Y.Doc, skip: () => void): Baseline[] {
  const rows: (Baseline & { position: string })[] = [];
  for (const [id, raw] of baselinesMap(doc).entries()) {
    const parsed = v.safeParse(BaselineSchema, raw);
    if (!parsed.success) {
      skip();
      continue;
    }
    rows.push({ id, ...parsed.output });
  }
  return sortPositioned(rows).map(({ id, label, value, unit, after }) => ({
    id,
    label,
    value,
    unit,
    after,
  }));
}

function readMeta(doc: Y.Doc, skip: () => void): CycleMeta {
  const meta = cycleMetaMap(doc);
  const str = (key: string): string => {
    const value = meta.get(key);
    if (value instanceof Y.Text) return value.toString();
    return typeof value === 'string' ? value : '';
  };
  const stage = meta.get('stage');
  const minutes = meta.get('lessonMinutes');
  const schemaVersion = meta.get('schemaVersion');
  const createdBy = meta.get('createdBy');
  return {
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
    title: str('title'),
    subject: str('subject'),
    yearGroup: str('yearGroup'),
    stage: isStage(stage) ? stage : CYCLE_STAGES[0],
    lessonMinutes:
      typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : DEFAULT_LESSON_MINUTES,
    createdAt: str('createdAt'),
    createdBy: isMemberId(createdBy) ? createdBy : null,
    baselines: readBaselines(doc, skip),
  };
}

export function isStage(value: unknown): value is CycleStage {
  return typeof value === 'string' && (CYCLE_STAGES as readonly string[]).includes(value);
}

/** The cycle's meta and baselines as a plain snapshot; malformed values fall back to defaults. */
export function readCycleMeta(doc: Y.Doc): CycleMeta {
  return readMeta(doc, () => {});
}

export type CycleMetaPatch = Partial<
  Pick<CycleMeta, 'title' | 'subject' | 'yearGroup' | 'stage' | 'lessonMinutes'>
>;

/** Validates (title 1–120, subject/year group ≤ 120, lessonMinutes integer 5–480, a known stage), then writes. */
export function updateCycleMeta(doc: Y.Doc, patch: CycleMetaPatch, ctx: ModelContext): void {
  const out: Record<string, unknown> = {};
  if (patch.title !== undefined) out.title = requireText(patch.title, 'cycle title', 120, 1);
  if (patch.subject !== undefined) out.subject = requireText(patch.subject, 'subject', 120);
  if (patch.yearGroup !== undefined)
    out.yearGroup = requireText(patch.yearGroup, 'year group', 120);
  if (patch.stage !== undefined) {
    if (!isStage(patch.stage)) throw new RangeError(`unknown cycle stage ${String(patch.stage)}`);
    out.stage = patch.stage;
  }
  if (patch.lessonMinutes !== undefined)
    out.lessonMinutes = requireInteger(patch.lessonMinutes, 'lesson minutes', 5, 480);
  if (Object.keys(out).length === 0) return;
  doc.transact(() => {
    const meta = cycleMetaMap(doc);
    for (const [key, value] of Object.entries(out)) {
      const current = meta.get(key);
      if (isMetaTextKey(key) && current instanceof Y.Text) {
        applyTextEdit(current, String(value), ctx.origin);
      } else {
        meta.set(key, isMetaTextKey(key) ? new Y.Text(String(value)) : value);
      }
    }
  }, ctx.origin);
}

/**
 * Title, subject and year group are Y.Text inside `meta`, so two people typing
 * in the same field merge character by character (issue 5, point 2). Readers
 * also accept a plain string there.
 */
const META_TEXT_KEYS = ['title', 'subject', 'yearGroup'] as const;

function isMetaTextKey(key: string): boolean {
  return (META_TEXT_KEYS as readonly string[]).includes(key);
}

// ── baselines ──────────────────────────────────────────────────────────────

export type BaselineInput = {
  readonly label: string;
  readonly value: number | null;
  readonly unit: string;
  /** The new measurement at the end of the cycle; null (the default) while there is none. */
  readonly after?: number | null;
};

function validBaseline(input: BaselineInput): Required<BaselineInput> {
  for (const measured of [input.value, input.after ?? null])
    if (measured !== null && !Number.isFinite(measured))
      throw new RangeError('baseline value must be a finite number or null');
  return {
    label: requireText(input.label, 'baseline label', 200),
    value: input.value,
    unit: requireText(input.unit, 'baseline unit', 40),
    after: input.after ?? null,
  };
}

/** Appends a baseline (starting data with an optional number, e.g. a pre-test score); returns its id. */
export function addBaseline(doc: Y.Doc, input: BaselineInput, ctx: ModelContext): string {
  const valid = validBaseline(input);
  const id = ctx.newId();
  doc.transact(() => {
    const map = baselinesMap(doc);
    const order: { id: string; position: string }[] = [];
    for (const [key, raw] of map.entries()) {
      const parsed = v.safeParse(BaselineSchema, raw);
      if (parsed.success) order.push({ id: key, position: parsed.output.position });
    }
    const { position } = positionAtEnd(sortPositioned(order));
    map.set(id, { ...valid, position });
  }, ctx.origin);
  return id;
}

/** Replaces the given fields of a baseline; does nothing if it was removed. */
export function updateBaseline(
  doc: Y.Doc,
  id: string,
  patch: Partial<BaselineInput>,
  ctx: ModelContext,
): void {
  const map = baselinesMap(doc);
  const current = v.safeParse(BaselineSchema, map.get(id));
  if (!current.success) return;
  const next = validBaseline({ ...current.output, ...patch });
  doc.transact(() => map.set(id, { ...next, position: current.output.position }), ctx.origin);
}

export function removeBaseline(doc: Y.Doc, id: string, ctx: ModelContext): void {
  const map = baselinesMap(doc);
  if (!map.has(id)) return;
  doc.transact(() => map.delete(id), ctx.origin);
}

// ── readers ────────────────────────────────────────────────────────────────

function readResponses(phase: Y.Map<unknown>, skip: () => void): AnticipatedResponse[] {
  const responses = phase.get('responses');
  if (!isYMap(responses)) return [];
  const rows: (AnticipatedResponse & { position: string })[] = [];
  for (const [id, entry] of responses.entries()) {
    const position = isYMap(entry) ? entry.get('position') : undefined;
    const response = isYMap(entry) ? textIn(entry, 'response') : null;
    const answer = isYMap(entry) ? textIn(entry, 'answer') : null;
    if (!isId(id) || typeof position !== 'string' || response === null || answer === null) {
      skip();
      continue;
    }
    rows.push({
      id: id as ResponseId,
      position,
      response: response.toString(),
      answer: answer.toString(),
    });
  }
  return sortPositioned(rows).map(({ id, response, answer }) => ({ id, response, answer }));
}

/** One phase as a snapshot, or null when a peer wrote it malformed. */
export function readPhase(id: string, entry: unknown, skip: () => void): Phase | null {
  if (!isId(id) || !isYMap(entry)) return null;
  const position = entry.get('position');
  const minutes = entry.get('minutes');
  const copiedFrom = entry.get('copiedFrom');
  if (typeof position !== 'string' || typeof minutes !== 'number' || !Number.isFinite(minutes))
    return null;
  const texts: Partial<Record<(typeof PHASE_TEXT_FIELDS)[number], string>> = {};
  for (const field of PHASE_TEXT_FIELDS) {
    const text = textIn(entry, field);
    if (text === null) return null;
    texts[field] = text.toString();
  }
  return {
    id: id as PhaseId,
    position,
    minutes,
    title: texts.title ?? '',
    teacherActions: texts.teacherActions ?? '',
    pupilActivities: texts.pupilActivities ?? '',
    observerFocus: texts.observerFocus ?? '',
    responses: readResponses(entry, skip),
    copiedFrom: isId(copiedFrom) ? (copiedFrom as PhaseId) : null,
  };
}

/** The phases of a research lesson map, in plan order (malformed ones skipped and counted). */
export function readPhasesOf(rl: Y.Map<unknown>, skip: () => void = () => {}): Phase[] {
  const phases = phasesOf(rl);
  if (phases === null) return [];
  const out: Phase[] = [];
  for (const [id, entry] of phases.entries()) {
    const phase = readPhase(id, entry, skip);
    if (phase === null) skip();
    else out.push(phase);
  }
  return sortPositioned(out);
}

function readResearchLessonMap(
  id: string,
  entry: unknown,
  skip: () => void,
): ResearchLesson | null {
  if (!isResearchLessonId(id) || !isYMap(entry)) return null;
  const number = entry.get('number');
  const createdAt = entry.get('createdAt');
  if (typeof number !== 'number' || `rl${number}` !== id) return null;
  const predictions = new Map<string, string>();
  for (const [key, text] of predictionsOf(entry)?.entries() ?? []) {
    if (text instanceof Y.Text) predictions.set(key, text.toString());
    else skip();
  }
  return {
    id,
    number,
    createdAt: typeof createdAt === 'string' ? createdAt : '',
    phases: readPhasesOf(entry, skip),
    predictions,
  };
}

/** One research lesson as a snapshot, or null when it does not exist (or is malformed). */
export function readResearchLesson(doc: Y.Doc, rlId: ResearchLessonId): ResearchLesson | null {
  return readResearchLessonMap(rlId, researchLessonsMap(doc).get(rlId), () => {});
}

function readCasePupils(doc: Y.Doc, skip: () => void): CasePupil[] {
  const out: CasePupil[] = [];
  for (const [id, entry] of casePupilsMap(doc).entries()) {
    const position = isYMap(entry) ? entry.get('position') : undefined;
    const pseudonym = isYMap(entry) ? textIn(entry, 'pseudonym') : null;
    const profile = isYMap(entry) ? textIn(entry, 'profile') : null;
    if (!isId(id) || typeof position !== 'string' || pseudonym === null || profile === null) {
      skip();
      continue;
    }
    out.push({
      id: id as CasePupilId,
      position,
      pseudonym: pseudonym.toString(),
      profile: profile.toString(),
    });
  }
  return sortPositioned(out);
}

/** Case pupils in order (malformed ones skipped). */
export function readCasePupilsOf(doc: Y.Doc): CasePupil[] {
  return readCasePupils(doc, () => {});
}

function readObservers(run: Y.Map<unknown>, skip: () => void): RunObserver[] {
  const observers = run.get('observers');
  if (!isYMap(observers)) return [];
  const out: RunObserver[] = [];
  for (const [memberId, raw] of observers.entries()) {
    if (!isMemberId(memberId) || !Array.isArray(raw)) {
      skip();
      continue;
    }
    const ids = raw.filter((x): x is CasePupilId => isId(x));
    out.push({ memberId, casePupilIds: [...new Set(ids)] });
  }
  return out.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

function readQuestions(run: Y.Map<unknown>, skip: () => void): InterviewQuestion[] {
  const questions = run.get('interviewQuestions');
  if (!isYMap(questions)) return [];
  const rows: (InterviewQuestion & { position: string })[] = [];
  for (const [id, entry] of questions.entries()) {
    const position = isYMap(entry) ? entry.get('position') : undefined;
    const text = isYMap(entry) ? textIn(entry, 'text') : null;
    if (!isId(id) || typeof position !== 'string' || text === null) {
      skip();
      continue;
    }
    rows.push({ id: id as QuestionId, position, text: text.toString() });
  }
  return sortPositioned(rows).map(({ id, text }) => ({ id, text }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isRunDate = (value: unknown): value is string =>
  typeof value === 'string' && (value === '' || DATE.test(value));

function readRuns(doc: Y.Doc, skip: () => void): Run[] {
  const out: Run[] = [];
  for (const [id, entry] of runsMap(doc).entries()) {
    if (!isId(id) || !isYMap(entry)) {
      skip();
      continue;
    }
    const researchLessonId = entry.get('researchLessonId');
    const date = entry.get('date');
    const className = entry.get('className');
    const teacherId = entry.get('teacherId');
    const createdAt = entry.get('createdAt');
    if (
      !isResearchLessonId(researchLessonId) ||
      !isRunDate(date) ||
      typeof className !== 'string'
    ) {
      skip();
      continue;
    }
    out.push({
      id: id as RunId,
      researchLessonId,
      date,
      className,
      teacherId: isMemberId(teacherId) ? teacherId : null,
      observers: readObservers(entry, skip),
      interviewQuestions: readQuestions(entry, skip),
      createdAt: typeof createdAt === 'string' ? createdAt : '',
    });
  }
  // Planned runs by date (undated last), then by creation.
  return out.sort(
    (a, b) =>
      (a.date || '9999').localeCompare(b.date || '9999') ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The whole cycle as a plain, immutable snapshot: meta and baselines,
 * research lessons by number, case pupils and phases in order, runs by date.
 * Entries a peer wrote malformed are skipped and counted in `skipped`.
 */
export function readCycle(doc: Y.Doc): CycleSnapshot {
  let skipped = 0;
  const skip = () => {
    skipped++;
  };
  const meta = readMeta(doc, skip);
  const researchLessons: ResearchLesson[] = [];
  for (const [id, entry] of researchLessonsMap(doc).entries()) {
    const rl = readResearchLessonMap(id, entry, skip);
    if (rl === null) skip();
    else researchLessons.push(rl);
  }
  researchLessons.sort((a, b) => a.number - b.number);
  const casePupils = readCasePupils(doc, skip);
  const runs = readRuns(doc, skip);
  return { meta, researchLessons, casePupils, runs, skipped };
}

/**
 * What the team document keeps about a cycle. A run counts as taught once its
 * date is on or before `today` (YYYY-MM-DD; default the day of `lastActivityAt`).
 */
export function summarizeCycle(
  cycleId: CycleId,
  snapshot: CycleSnapshot,
  lastActivityAt: string,
  today = lastActivityAt.slice(0, 10),
): CycleSummary {
  const taught = snapshot.runs.filter((run) => run.date !== '' && run.date <= today);
  return {
    cycleId,
    title: snapshot.meta.title,
    stage: snapshot.meta.stage,
    researchLessons: snapshot.researchLessons.length,
    runsTaught: taught.length,
    lastActivityAt,
    createdAt: snapshot.meta.createdAt,
    lessonsTaught: new Set(taught.map((run) => run.researchLessonId)).size,
    lessonMinutes: snapshot.meta.lessonMinutes,
    baselines: snapshot.meta.baselines.map(({ label, unit, value, after }) => ({
      label,
      unit,
      value,
      after,
    })),
    activities: [],
    measures: [],
  };
}
