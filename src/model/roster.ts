import * as v from 'valibot';
import type * as Y from 'yjs';
import type { SyncDenyReason } from './apiErrors.ts';
import { isDocId, isMemberId, type MemberId } from './ids.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * The roster document `<teamId>/<ROSTER_DOC_ID>` (rosterDocName in docName.ts;
 * README, Documents): what only the server decides about a team. The server
 * builds it from its database (the `members` table and the `deleted_documents`
 * tombstones) each time it loads it and after every change; every connection to
 * it is read-only, so no member can write it. It exists because every teacher
 * can write the team document: roles, removals and cycle tombstones kept there
 * could be forged (a teacher making themselves facilitator, or purging a cycle
 * from every device).
 *
 * These top-level names are the schema; they never change:
 *
 *   meta           Y.Map  schemaVersion (number), set by the server's first write
 *   members        Y.Map  memberId → MemberEntry (plain object): displayName, role,
 *                         joinedAt (ISO), removedAt (ISO or null), erasedAt (ISO or
 *                         null; absent in entries written before it existed). Removed
 *                         members stay, so what they observed or wrote keeps their
 *                         name; a member who deleted their account stays with an
 *                         empty name and erasedAt set, shown as a neutral label.
 *   deletedCycles  Y.Map  cycleId → CycleTombstone (plain object): deletedAt (ISO),
 *                         deletedBy (memberId or null). Entries are never removed.
 *
 * Readers validate every entry and skip malformed ones; they never throw.
 */
export const ROSTER_META = 'meta';
export const ROSTER_MEMBERS = 'members';
export const ROSTER_DELETED_CYCLES = 'deletedCycles';
export const ROSTER_SCHEMA_VERSION = 1;

export type MemberEntry = {
  readonly displayName: string;
  readonly role: Role;
  readonly joinedAt: string;
  /** Set when the member was removed (or left). */
  readonly removedAt: string | null;
  /** Set when the member deleted their account: their name is gone (displayName ''). */
  readonly erasedAt: string | null;
};

export type TeamMember = MemberEntry & { readonly memberId: MemberId };

export type CycleTombstone = {
  readonly deletedAt: string;
  /** The facilitator who deleted it; null when unknown. */
  readonly deletedBy: MemberId | null;
};

export type RosterSnapshot = {
  /**
   * False while the document holds nothing from the server: it is still
   * opening, or the team was created offline and is not registered yet.
   */
  readonly written: boolean;
  /** Current members (not removed), sorted by display name. */
  readonly members: readonly TeamMember[];
  /**
   * Every member's display name, removed members included; a member who
   * deleted their account has the neutral label readRoster was given.
   */
  readonly names: ReadonlyMap<MemberId, string>;
  /** Deleted cycles by id. */
  readonly deletedCycles: ReadonlyMap<string, CycleTombstone>;
  /** Entries that failed validation and were skipped. */
  readonly skipped: number;
};

/**
 * Why the sync server refuses a document: it was deleted (a cycle), so a
 * device holding an old copy can never bring it back. The client purges its
 * copy when it meets this reason.
 */
export const DOCUMENT_DELETED_REASON = 'document-deleted' satisfies SyncDenyReason;

const MemberEntrySchema = v.object({
  displayName: v.string(),
  role: v.picklist(ROLES),
  joinedAt: v.string(),
  removedAt: v.nullable(v.string()),
  erasedAt: v.optional(v.nullable(v.string()), null),
});

const TombstoneSchema = v.object({
  deletedAt: v.string(),
  deletedBy: v.nullable(v.string()),
});

function rosterMembers(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROSTER_MEMBERS);
}

function rosterDeletedCycles(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROSTER_DELETED_CYCLES);
}

function parseMember(memberId: string, raw: unknown): TeamMember | null {
  if (!isMemberId(memberId)) return null;
  const parsed = v.safeParse(MemberEntrySchema, raw);
  return parsed.success ? { memberId, ...parsed.output } : null;
}

function parseTombstone(cycleId: string, raw: unknown): CycleTombstone | null {
  if (!isDocId(cycleId)) return null;
  const parsed = v.safeParse(TombstoneSchema, raw);
  if (!parsed.success) return null;
  const { deletedAt, deletedBy } = parsed.output;
  if (deletedBy !== null && !isMemberId(deletedBy)) return null;
  return { deletedAt, deletedBy };
}

/** The neutral label of the n-th (from 1) member who deleted their account. */
export type ErasedLabel = (n: number) => string;

const untranslatedErasedLabel: ErasedLabel = (n) => `#${n}`;

/**
 * A plain, immutable snapshot of the roster. Members who deleted their
 * account are named by `erasedLabel`, numbered in the order they left, so a
 * table of hours can still tell two of them apart.
 */
export function readRoster(
  doc: Y.Doc,
  erasedLabel: ErasedLabel = untranslatedErasedLabel,
): RosterSnapshot {
  const members: TeamMember[] = [];
  const erased: TeamMember[] = [];
  const names = new Map<MemberId, string>();
  const deletedCycles = new Map<string, CycleTombstone>();
  let skipped = 0;
  for (const [memberId, raw] of rosterMembers(doc).entries()) {
    const member = parseMember(memberId, raw);
    if (!member) {
      skipped++;
      continue;
    }
    if (member.erasedAt !== null) erased.push(member);
    else names.set(member.memberId, member.displayName);
    if (member.removedAt === null && member.erasedAt === null) members.push(member);
  }
  erased.sort(
    (a, b) =>
      (a.erasedAt ?? '').localeCompare(b.erasedAt ?? '') || a.memberId.localeCompare(b.memberId),
  );
  erased.forEach((member, index) => {
    names.set(member.memberId, erasedLabel(index + 1));
  });
  for (const [cycleId, raw] of rosterDeletedCycles(doc).entries()) {
    const tombstone = parseTombstone(cycleId, raw);
    if (tombstone) deletedCycles.set(cycleId, tombstone);
    else skipped++;
  }
  members.sort((a, b) => a.displayName.localeCompare(b.displayName));
  const schemaVersion = doc.getMap(ROSTER_META).get('schemaVersion');
  return {
    written: typeof schemaVersion === 'number' && schemaVersion > 0,
    members,
    names,
    deletedCycles,
    skipped,
  };
}

/** The tombstone of a deleted cycle, or null when the roster does not say it was deleted. */
export function readCycleTombstone(doc: Y.Doc, cycleId: string): CycleTombstone | null {
  return parseTombstone(cycleId, rosterDeletedCycles(doc).get(cycleId));
}

/** True once the server recorded the cycle as deleted. */
export function isCycleDeleted(doc: Y.Doc, cycleId: string): boolean {
  return readCycleTombstone(doc, cycleId) !== null;
}

/** The ids of every cycle the server recorded as deleted. */
export function readDeletedCycleIds(doc: Y.Doc): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const [cycleId, raw] of rosterDeletedCycles(doc).entries()) {
    if (parseTombstone(cycleId, raw)) ids.add(cycleId);
  }
  return ids;
}

/**
 * The roster to show until the server's has arrived (a team created offline
 * has none yet): this device's own member as the only one.
 */
export function rosterWithSelf(roster: RosterSnapshot | null, self: TeamMember): RosterSnapshot {
  if (roster?.written) return roster;
  return {
    written: false,
    members: [self],
    names: new Map([[self.memberId, self.displayName]]),
    deletedCycles: new Map(),
    skipped: 0,
  };
}

// ── the server's write ─────────────────────────────────────────────────────

/** What the server's database says, from which it (re)builds the roster. */
export type RosterState = {
  /** Every member, removed ones included. */
  readonly members: readonly TeamMember[];
  readonly deletedCycles: ReadonlyMap<string, CycleTombstone>;
};

function sameMember(raw: unknown, member: TeamMember): boolean {
  const parsed = v.safeParse(MemberEntrySchema, raw);
  if (!parsed.success) return false;
  const entry = parsed.output;
  return (
    entry.displayName === member.displayName &&
    entry.role === member.role &&
    entry.joinedAt === member.joinedAt &&
    entry.removedAt === member.removedAt &&
    entry.erasedAt === member.erasedAt
  );
}

function sameTombstone(cycleId: string, raw: unknown, tombstone: CycleTombstone): boolean {
  const parsed = parseTombstone(cycleId, raw);
  return (
    parsed !== null &&
    parsed.deletedAt === tombstone.deletedAt &&
    parsed.deletedBy === tombstone.deletedBy
  );
}

/**
 * Makes the roster say exactly what `state` says, writing only entries that
 * differ (and removing any the state lacks), in one transaction. Idempotent:
 * a second call writes nothing. Every write builds on the stored document, so
 * a device's older copy can never win over a newer entry. Only the server
 * calls this. Returns whether anything changed.
 */
export function writeRoster(doc: Y.Doc, state: RosterState, origin?: unknown): boolean {
  let changed = false;
  doc.transact(() => {
    const meta = doc.getMap(ROSTER_META);
    if (meta.get('schemaVersion') !== ROSTER_SCHEMA_VERSION) {
      meta.set('schemaVersion', ROSTER_SCHEMA_VERSION);
      changed = true;
    }
    const members = rosterMembers(doc);
    const wanted = new Map(state.members.map((member) => [member.memberId as string, member]));
    for (const key of [...members.keys()]) {
      if (!wanted.has(key)) {
        members.delete(key);
        changed = true;
      }
    }
    for (const [memberId, member] of wanted) {
      if (sameMember(members.get(memberId), member)) continue;
      members.set(memberId, {
        displayName: member.displayName,
        role: member.role,
        joinedAt: member.joinedAt,
        removedAt: member.removedAt,
        erasedAt: member.erasedAt,
      });
      changed = true;
    }
    const deleted = rosterDeletedCycles(doc);
    for (const key of [...deleted.keys()]) {
      if (!state.deletedCycles.has(key)) {
        deleted.delete(key);
        changed = true;
      }
    }
    for (const [cycleId, tombstone] of state.deletedCycles) {
      if (sameTombstone(cycleId, deleted.get(cycleId), tombstone)) continue;
      deleted.set(cycleId, { deletedAt: tombstone.deletedAt, deletedBy: tombstone.deletedBy });
      changed = true;
    }
  }, origin);
  return changed;
}
