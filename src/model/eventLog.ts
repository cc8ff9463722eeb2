import type * as Y from 'yjs';
import type { ModelContext, PhaseId, RunId } from './cycleTypes.ts';
import { isId, isMemberId, type MemberId } from './ids.ts';
import { withoutUndefined } from './withoutUndefined.ts';

/**
 * The observation log: every observer of a run appends plain event objects
 * to a Y.Array of their own; corrections are new `undo` / `edit` events,
 * never rewrites, so concurrent observers never conflict. `foldEvents` turns
 * a merged log into what was effectively seen.
 *
 * Storage (cycle document). One array per run and observer (consecutive pushes
 * by one client merge into one Yjs struct) as a TOP-LEVEL type named
 * `observations:<runId>:<memberId>`, not nested in an `observations` Y.Map as
 * first sketched: a nested map or array is created by whoever writes first, and
 * two observers who start the same run offline would each create one under the
 * same key, where Y.Map keeps one value and drops the other with every event in
 * it. Top-level types are identified by name, so concurrent creations are the
 * same type and merge. These names are the schema (see cycleDoc.ts): they never
 * change.
 *
 *   observations:<runId>:<memberId>   Y.Array<ObservationEvent (plain object)>
 *   runTemplates                      Y.Map runId → template (plain object), the version a run was observed with
 */
export const CYCLE_OBSERVATIONS = 'observations';
export const CYCLE_RUN_TEMPLATES = 'runTemplates';

export const EVENT_KINDS = [
  'start', // the observer starts the run (t = 0 by convention)
  'phase', // the lesson moves to phaseId ("next phase")
  'tally', // one occurrence (value: integer step, default 1)
  'check', // seen / not seen (value: boolean)
  'rating', // a 1–4 rating (value)
  'interval', // an interval prompt answered (value: a count ≥ 0)
  'note', // free text
  'photo', // a photo of pupil work (photo: content hash; text: optional caption)
  'undo', // cancels `target` (an undone undo restores its target)
  'edit', // replaces value and/or text of `target`
  'end', // the observer ends the run
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** Kinds that record something (everything but the corrections). */
export type RecordKind = Exclude<EventKind, 'undo' | 'edit'>;

/** What an observer saw: every record but the lesson's start, phase changes and end. */
export const OBSERVATION_KINDS: ReadonlySet<EventKind> = new Set([
  'tally',
  'check',
  'rating',
  'interval',
  'note',
  'photo',
]);

export type ObservationEvent = {
  readonly id: string;
  readonly observer: MemberId;
  /** Position in the observer's own log: 0, 1, 2, … */
  readonly seq: number;
  /** Milliseconds since this observer started the run (the lesson clock). */
  readonly t: number;
  /** Wall clock (ISO) when recorded. */
  readonly at: string;
  /** The phase the lesson was in, as the observer saw it. */
  readonly phaseId: PhaseId | null;
  readonly kind: EventKind;
  /** Template item id. */
  readonly itemId?: string;
  readonly pupilId?: string;
  /** Tally of a team: index into the template item's `teams` (e.g. the Good Behaviour Game). */
  readonly team?: number;
  readonly value?: number | boolean | string;
  readonly text?: string;
  /** Content hash of a photo kept in the photo store. */
  readonly photo?: string;
  /** The event an `undo` or `edit` applies to. */
  readonly target?: string;
};

/** What a caller passes to `appendEvent`; id, observer, seq and at are assigned. */
export type EventInput = Omit<ObservationEvent, 'id' | 'observer' | 'seq' | 'at'>;

export const MAX_EVENT_TEXT = 5000;
/** Longest lesson clock accepted: 24 hours in ms. */
export const MAX_EVENT_T = 24 * 60 * 60 * 1000;
const MAX_TEAM_INDEX = 11;
const ITEM_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const PHOTO = /^[A-Za-z0-9_-]{8,128}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Why an event breaks the rules of its kind, or null when it is valid. Shared
 * by the writer (which throws) and the readers (which skip and count).
 */
export function eventProblem(event: ObservationEvent): string | null {
  if (!isId(event.id)) return 'id must be an id';
  if (!isMemberId(event.observer)) return 'observer must be a member id';
  if (event.phaseId !== null && !isId(event.phaseId)) return 'phaseId must be an id or null';
  if (event.itemId !== undefined && !ITEM_ID.test(event.itemId)) return 'itemId is malformed';
  if (event.pupilId !== undefined && !isId(event.pupilId)) return 'pupilId must be an id';
  if (event.text !== undefined && event.text.length > MAX_EVENT_TEXT) return 'text is too long';
  if (
    event.team !== undefined &&
    (event.kind !== 'tally' ||
      !Number.isInteger(event.team) ||
      event.team < 0 ||
      event.team > MAX_TEAM_INDEX)
  )
    return 'team is only for tallies: an index 0–11';
  if (event.photo !== undefined && !PHOTO.test(event.photo)) return 'photo must be a content hash';
  if (event.target !== undefined && !isId(event.target)) return 'target must be an event id';
  const { kind, value } = event;
  const needsItem =
    kind === 'tally' || kind === 'check' || kind === 'rating' || kind === 'interval';
  if (needsItem && event.itemId === undefined) return `${kind} needs an itemId`;
  switch (kind) {
    case 'phase':
      return event.phaseId === null ? 'phase needs a phaseId' : null;
    case 'tally':
      return value === undefined ||
        (typeof value === 'number' && Number.isInteger(value) && value !== 0)
        ? null
        : 'tally value must be a non-zero integer';
    case 'check':
      return typeof value === 'boolean' ? null : 'check value must be a boolean';
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4
        ? null
        : 'rating value must be 1–4';
    case 'interval':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? null
        : 'interval value must be a number ≥ 0';
    case 'note':
      return event.text !== undefined && event.text.trim().length > 0 ? null : 'note needs a text';
    case 'photo':
      return event.photo === undefined ? 'photo needs a content hash' : null;
    case 'undo':
      return event.target === undefined ? 'undo needs a target' : null;
    case 'edit':
      if (event.target === undefined) return 'edit needs a target';
      return value === undefined && event.text === undefined ? 'edit needs a value or text' : null;
    default:
      return null;
  }
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);
const OPTIONAL_STRINGS = ['itemId', 'pupilId', 'text', 'photo', 'target'] as const;

/**
 * A peer's entry as an event, or null when it is malformed. Written out by
 * hand rather than with a schema library: a 5,000-event cycle parses every
 * entry when it opens (see cycle-open-5000-events in bench/). Unknown fields
 * are dropped.
 */
export function parseEvent(raw: unknown): ObservationEvent | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const { id, observer, seq, t, at, phaseId, kind, team, value } = r;
  if (typeof id !== 'string' || typeof observer !== 'string') return null;
  if (!isNumber(seq) || !Number.isInteger(seq) || seq < 0) return null;
  if (!isNumber(t) || t < 0 || t > MAX_EVENT_T) return null;
  if (typeof at !== 'string' || at.length > 40 || !ISO.test(at)) return null;
  if (phaseId !== null && typeof phaseId !== 'string') return null;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return null;
  const event: Record<string, unknown> = { id, observer, seq, t, at, phaseId, kind };
  for (const key of OPTIONAL_STRINGS) {
    const field = r[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return null;
    event[key] = field;
  }
  if (team !== undefined) {
    if (!isNumber(team)) return null;
    event.team = team;
  }
  if (value !== undefined) {
    if (!isNumber(value) && typeof value !== 'boolean' && typeof value !== 'string') return null;
    event.value = value;
  }
  const parsed = event as ObservationEvent;
  return eventProblem(parsed) === null ? parsed : null;
}

/**
 * Parsed entries by identity: a Y.Array hands out the same plain objects on
 * every read and the log is append-only, so a screen that re-reads a
 * 5,000-event log after each tap validates only the new entries.
 */
const parsedEntries = new WeakMap<object, ObservationEvent | null>();

function parseEntry(raw: unknown): ObservationEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const cached = parsedEntries.get(raw);
  if (cached !== undefined) return cached;
  const event = parseEvent(raw);
  parsedEntries.set(raw, event);
  return event;
}

// ── storage ────────────────────────────────────────────────────────────────

/** The top-level name of one observer's log of one run. */
export const observationLogName = (runId: RunId, observer: MemberId): string =>
  `${CYCLE_OBSERVATIONS}:${runId}:${observer}`;

/** (runId, observer) of an observation log name, or null for any other name. */
export function parseObservationLogName(name: string): { runId: RunId; observer: MemberId } | null {
  const [prefix, runId, observer, ...rest] = name.split(':');
  if (prefix !== CYCLE_OBSERVATIONS || rest.length > 0) return null;
  if (!isId(runId) || !isMemberId(observer)) return null;
  return { runId: runId as RunId, observer };
}

function logArray(doc: Y.Doc, runId: RunId, observer: MemberId): Y.Array<unknown> {
  return doc.getArray(observationLogName(runId, observer));
}

/** How many entries the observer's log of the run has (0 when it has none yet). */
export function logLength(doc: Y.Doc, runId: RunId, observer: MemberId): number {
  const name = observationLogName(runId, observer);
  // A log that arrived from another device is a bare type until someone asks for it as an
  // array; only then does it have a length.
  return doc.share.has(name) ? doc.getArray(name).length : 0;
}

/** The observers who have a log for the run, sorted. */
export function runObservers(doc: Y.Doc, runId: RunId): MemberId[] {
  const out: MemberId[] = [];
  for (const name of doc.share.keys()) {
    const parsed = parseObservationLogName(name);
    if (parsed !== null && parsed.runId === runId) out.push(parsed.observer);
  }
  return out.sort();
}

/** The runs that have at least one observation log, sorted. */
export function observedRuns(doc: Y.Doc): RunId[] {
  const out = new Set<RunId>();
  for (const name of doc.share.keys()) {
    const parsed = parseObservationLogName(name);
    if (parsed !== null) out.add(parsed.runId);
  }
  return [...out].sort();
}

/**
 * The event `appendEvent` would write as entry `seq` of the observer's log,
 * without writing it: the id comes from `ctx.newId()`, `at` from `ctx.now()`.
 * Throws a RangeError for an event that breaks the rules of its kind (see
 * `eventProblem`). Write it later with `restoreEvents`.
 */
export function buildEvent(
  runId: RunId,
  observer: MemberId,
  seq: number,
  input: EventInput,
  ctx: ModelContext,
): ObservationEvent {
  if (!isId(runId)) throw new RangeError('runId must be an id');
  if (!Number.isFinite(input.t) || input.t < 0 || input.t > MAX_EVENT_T)
    throw new RangeError(`t must be 0–${MAX_EVENT_T} ms`);
  if (!(EVENT_KINDS as readonly string[]).includes(input.kind))
    throw new RangeError(`unknown event kind ${String(input.kind)}`);
  const event = withoutUndefined({
    ...input,
    id: ctx.newId(),
    observer,
    seq,
    at: ctx.now(),
    phaseId: input.phaseId ?? null,
  });
  const problem = eventProblem(event);
  if (problem !== null) throw new RangeError(problem);
  return event;
}

/**
 * Appends one event to the observer's log of the run in one transaction and
 * returns it (see `buildEvent`); `seq` is the length of the observer's log.
 */
export function appendEvent(
  doc: Y.Doc,
  runId: RunId,
  observer: MemberId,
  input: EventInput,
  ctx: ModelContext,
): ObservationEvent {
  if (!isId(runId)) throw new RangeError('runId must be an id');
  const log = logArray(doc, runId, observer);
  const event = buildEvent(runId, observer, log.length, input, ctx);
  doc.transact(() => log.push([event]), ctx.origin);
  return event;
}

/**
 * Appends events that were recorded before (e.g. kept in a journal while the
 * document's own write was lost) to their observers' logs, in one transaction
 * under `origin`, skipping ids the log already has and malformed entries.
 * Returns how many were appended.
 */
export function restoreEvents(
  doc: Y.Doc,
  runId: RunId,
  events: readonly ObservationEvent[],
  origin: object,
): number {
  if (!isId(runId)) throw new RangeError('runId must be an id');
  let added = 0;
  doc.transact(() => {
    const known = new Map<MemberId, Set<string>>();
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (eventProblem(event) !== null) continue;
      let ids = known.get(event.observer);
      if (ids === undefined) {
        ids = new Set(readLog(doc, runId, event.observer).map((e) => e.id));
        known.set(event.observer, ids);
      }
      if (ids.has(event.id)) continue;
      ids.add(event.id);
      logArray(doc, runId, event.observer).push([withoutUndefined(event)]);
      added++;
    }
  }, origin);
  return added;
}

/** One observer's log in recorded order; malformed entries and entries of another observer are skipped. */
export function readLog(doc: Y.Doc, runId: RunId, observer: MemberId): ObservationEvent[] {
  return readOne(doc, runId, observer, () => {});
}

function readOne(
  doc: Y.Doc,
  runId: RunId,
  observer: MemberId,
  skip: () => void,
): ObservationEvent[] {
  if (!doc.share.has(observationLogName(runId, observer))) return [];
  return logEntries(logArray(doc, runId, observer).toArray(), observer, skip);
}

/**
 * The events among raw entries of `observer`'s log, as {@link readLog} reads
 * them: for a reader that follows the log by what was appended to it.
 */
export function logEntries(
  entries: readonly unknown[],
  observer: MemberId,
  skip: () => void = () => {},
): ObservationEvent[] {
  const out: ObservationEvent[] = [];
  for (const raw of entries) {
    const event = parseEntry(raw);
    if (event === null || event.observer !== observer) skip();
    else out.push(event);
  }
  return out;
}

export type RunEvents = {
  /** All observers' events, by (at, observer, seq, id), each id once. */
  readonly events: readonly ObservationEvent[];
  /** Entries written malformed (or under another observer's log) that were skipped. */
  readonly skipped: number;
  /** Entries dropped because an event with the same id came first. */
  readonly duplicates: number;
};

export const compareEvents = (a: ObservationEvent, b: ObservationEvent): number =>
  a.at.localeCompare(b.at) ||
  a.observer.localeCompare(b.observer) ||
  a.seq - b.seq ||
  a.id.localeCompare(b.id);

/** The merged log of a run as a plain snapshot, with counts of what was skipped. */
export function readRunLog(doc: Y.Doc, runId: RunId): RunEvents {
  let skipped = 0;
  const skip = () => {
    skipped++;
  };
  const all: ObservationEvent[] = [];
  for (const observer of runObservers(doc, runId)) all.push(...readOne(doc, runId, observer, skip));
  all.sort(compareEvents);
  const seen = new Set<string>();
  const events: ObservationEvent[] = [];
  for (const event of all) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    events.push(event);
  }
  return { events, skipped, duplicates: all.length - events.length };
}

/** All observers' events of a run, sorted by (at, observer, seq), each id once; malformed entries skipped. */
export function readRunEvents(doc: Y.Doc, runId: RunId): ObservationEvent[] {
  return [...readRunLog(doc, runId).events];
}

/**
 * Calls `listener` after every transaction (local or remote) that changed a
 * log of the run, e.g. for a feature hook to refresh its cached snapshot.
 * Returns the unsubscribe function.
 */
export function onRunLogChange(doc: Y.Doc, runId: RunId, listener: () => void): () => void {
  const prefix = `${CYCLE_OBSERVATIONS}:${runId}:`;
  const handler = (tr: Y.Transaction) => {
    for (const [name, type] of doc.share)
      if (name.startsWith(prefix) && tr.changed.has(type)) return listener();
  };
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

/**
 * Whether a transaction changed observation logs only (a tap), so readers of
 * the rest of the cycle can skip it. Logs hold plain objects, so a tap never
 * changes a nested type.
 */
export function touchesOnlyObservationLogs(doc: Y.Doc, tr: Y.Transaction): boolean {
  if (tr.changed.size === 0) return false;
  const logs = new Set<object>();
  for (const [name, type] of doc.share)
    if (name.startsWith(`${CYCLE_OBSERVATIONS}:`)) logs.add(type);
  for (const type of tr.changed.keys()) if (!logs.has(type)) return false;
  return true;
}

// ── the template a run was observed with ────────────────────────────────────

/**
 * The kijkwijzer version a run was observed with is a plain object copied at
 * start. Writing it needs only an id and a version; readers go through
 * readRunTemplate (runTemplate.ts), which reads the rest leniently.
 */
export type RunTemplate = { readonly id: string; readonly version: number } & Readonly<
  Record<string, unknown>
>;

function isRunTemplate(value: unknown): value is RunTemplate {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { id, version } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof version === 'number' && Number.isInteger(version);
}

export const runTemplatesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CYCLE_RUN_TEMPLATES);

export type StartInput = {
  /** The phase the lesson is in at start (usually the first planned phase). */
  readonly phaseId: PhaseId | null;
  /** Lesson clock of the start: 0 unless the observer joins late. */
  readonly t?: number;
  /** The template version to keep with the run; ignored when the run already has one. */
  readonly template?: RunTemplate;
};

/**
 * Starts the observer's log of a run: in one transaction, a `start` event and,
 * when the run has no template yet, the given template version.
 */
export function startObservation(
  doc: Y.Doc,
  runId: RunId,
  observer: MemberId,
  input: StartInput,
  ctx: ModelContext,
): ObservationEvent {
  if (input.template !== undefined && !isRunTemplate(input.template))
    throw new RangeError('template needs an id and an integer version');
  let event: ObservationEvent | null = null;
  doc.transact(() => {
    event = appendEvent(
      doc,
      runId,
      observer,
      { kind: 'start', t: input.t ?? 0, phaseId: input.phaseId },
      ctx,
    );
    const templates = runTemplatesMap(doc);
    if (input.template !== undefined && !isRunTemplate(templates.get(runId)))
      templates.set(runId, input.template);
  }, ctx.origin);
  if (event === null) throw new Error('start event was not written');
  return event;
}

// ── folding corrections ────────────────────────────────────────────────────

/** `${itemId}|${pupilId}|${phaseId}` with '' for what is absent, then `|${team}` for a team's tally. */
export const foldKey = (
  event: Pick<ObservationEvent, 'itemId' | 'pupilId' | 'phaseId' | 'team'>,
): string =>
  `${event.itemId ?? ''}|${event.pupilId ?? ''}|${event.phaseId ?? ''}${event.team === undefined ? '' : `|${event.team}`}`;

export type FoldedObservation = {
  /** Recorded (non-correction) events that were not undone, with edits applied, in input order. */
  readonly effective: readonly ObservationEvent[];
  /** Sum of tally steps per foldKey. */
  readonly tallies: ReadonlyMap<string, number>;
  /** Last check value per foldKey. */
  readonly checks: ReadonlyMap<string, boolean>;
  /** Every rating per foldKey, in order. */
  readonly ratings: ReadonlyMap<string, readonly number[]>;
  readonly notes: readonly ObservationEvent[];
  readonly photos: readonly ObservationEvent[];
  /** Ids that undo or edit events point at, known or not (for extendFold). */
  readonly targets: ReadonlySet<string>;
};

const isCorrection = (event: ObservationEvent): boolean =>
  event.kind === 'undo' || event.kind === 'edit';

/**
 * Applies the corrections of a (sorted) log: an `undo` removes its target,
 * an undone `undo` restores it; an `edit` replaces the value and/or text of
 * its target (the last edit in order wins; an undone edit does nothing).
 * Corrections of unknown targets, edits of corrections, and edits that would
 * make their target invalid are ignored. Duplicate ids count once.
 */
export function foldEvents(events: readonly ObservationEvent[]): FoldedObservation {
  return foldAll(events);
}

/**
 * `foldEvents(all)`, where `all` is the events `previous` was folded from
 * followed by `added`: computed from `previous` when every added event is a
 * new record (no correction, an id not seen before and no correction's
 * target) — a tap, the common case on the observation screen — and by a
 * full fold otherwise. `previous` is not changed.
 */
export function extendFold(
  previous: FoldedObservation,
  all: readonly ObservationEvent[],
  added: readonly ObservationEvent[],
): FoldedObservation {
  // Checked without building a set of the (thousands of) earlier ids: a tap adds one event.
  const addedIds = new Set<string>();
  for (const event of added) {
    if (isCorrection(event) || addedIds.has(event.id) || previous.targets.has(event.id))
      return foldAll(all);
    addedIds.add(event.id);
  }
  for (let i = 0; i < all.length - added.length; i++)
    if (addedIds.has(all[i]?.id ?? '')) return foldAll(all);
  const tallies = new Map(previous.tallies);
  const checks = new Map(previous.checks);
  const ratings = new Map(previous.ratings);
  const notes = [...previous.notes];
  const photos = [...previous.photos];
  for (const event of added) addRecord(event, tallies, checks, ratings, notes, photos);
  // Unchanged lists keep their identity, so views of them need not render again.
  return {
    effective: [...previous.effective, ...added],
    tallies,
    checks,
    ratings,
    notes: notes.length === previous.notes.length ? previous.notes : notes,
    photos: photos.length === previous.photos.length ? previous.photos : photos,
    targets: previous.targets,
  };
}

function addRecord(
  event: ObservationEvent,
  tallies: Map<string, number>,
  checks: Map<string, boolean>,
  ratings: Map<string, readonly number[]>,
  notes: ObservationEvent[],
  photos: ObservationEvent[],
): void {
  const key = foldKey(event);
  if (event.kind === 'tally')
    tallies.set(key, (tallies.get(key) ?? 0) + (typeof event.value === 'number' ? event.value : 1));
  else if (event.kind === 'check' && typeof event.value === 'boolean') checks.set(key, event.value);
  else if (event.kind === 'rating' && typeof event.value === 'number')
    ratings.set(key, [...(ratings.get(key) ?? []), event.value]);
  else if (event.kind === 'note') notes.push(event);
  else if (event.kind === 'photo') photos.push(event);
}

function foldAll(events: readonly ObservationEvent[]): FoldedObservation {
  const byId = new Map<string, ObservationEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  const undosOf = new Map<string, ObservationEvent[]>();
  for (const event of byId.values()) {
    if (event.kind !== 'undo' || event.target === undefined || !byId.has(event.target)) continue;
    const list = undosOf.get(event.target) ?? [];
    list.push(event);
    undosOf.set(event.target, list);
  }
  const undone = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isUndone = (id: string): boolean => {
    const known = undone.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return false; // a cycle of undos only a malformed peer could write
    visiting.add(id);
    const result = (undosOf.get(id) ?? []).some((undo) => !isUndone(undo.id));
    visiting.delete(id);
    undone.set(id, result);
    return result;
  };

  const patched = new Map<string, ObservationEvent>();
  for (const edit of byId.values()) {
    if (edit.kind !== 'edit' || edit.target === undefined || isUndone(edit.id)) continue;
    const target = byId.get(edit.target);
    if (target === undefined || isCorrection(target)) continue;
    const current = patched.get(target.id) ?? target;
    const next: ObservationEvent = {
      ...current,
      ...(edit.value !== undefined && { value: edit.value }),
      ...(edit.text !== undefined && { text: edit.text }),
    };
    if (eventProblem(next) === null) patched.set(target.id, next);
  }

  const effective: ObservationEvent[] = [];
  const tallies = new Map<string, number>();
  const checks = new Map<string, boolean>();
  const ratings = new Map<string, readonly number[]>();
  const notes: ObservationEvent[] = [];
  const photos: ObservationEvent[] = [];
  const targets = new Set<string>();
  for (const original of byId.values()) {
    if (isCorrection(original) && original.target !== undefined) targets.add(original.target);
    if (isCorrection(original) || isUndone(original.id)) continue;
    const event = patched.get(original.id) ?? original;
    effective.push(event);
    addRecord(event, tallies, checks, ratings, notes, photos);
  }
  return { effective, tallies, checks, ratings, notes, photos, targets };
}
