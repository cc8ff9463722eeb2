import * as v from 'valibot';
import type * as Y from 'yjs';
import type { SyncDenyReason } from './apiErrors.ts';
import { CYCLE_STAGES, type CycleSummary } from './cycleTypes.ts';
import type { MemberId } from './ids.ts';
import { isDocId, isMemberId } from './ids.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * The team document (DESIGN §3 Documents). These top-level names are the
 * schema: renaming one orphans every team's data, so they never change.
 *
 *   meta     Y.Map  name (string), schemaVersion (number), createdAt (ISO string)
 *   members  Y.Map  memberId → TeamMemberEntry (a plain object, last writer wins)
 *   cycles   Y.Map  cycleId → CycleSummary without cycleId (plain, last writer wins)
 *   deletedCycles  Y.Map  cycleId → CycleTombstone: a deleted cycle, never shown or
 *            re-created again (its document is refused by the server)
 */
export const TEAM_META = 'meta';
export const TEAM_MEMBERS = 'members';
export const TEAM_SCHEMA_VERSION = 1;

export type TeamMemberEntry = {
  readonly displayName: string;
  readonly role: Role;
  readonly joinedAt: string;
  /** Set when the member was removed; removed members stay so old observations keep a name. */
  readonly removedAt: string | null;
};

export type TeamMember = TeamMemberEntry & { readonly memberId: MemberId };

export type TeamSnapshot = {
  readonly name: string;
  readonly schemaVersion: number;
  /** Current members, sorted by display name. */
  readonly members: readonly TeamMember[];
  /** Entries written by peers that failed validation and were skipped. */
  readonly skipped: number;
};

const MemberEntrySchema = v.object({
  displayName: v.string(),
  role: v.picklist(ROLES),
  joinedAt: v.string(),
  removedAt: v.optional(v.nullable(v.string()), null),
});

export function teamMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAM_META);
}

export function teamMembers(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAM_MEMBERS);
}

/**
 * Every member's display name, removed members included: what they observed
 * or wrote stays theirs after they left. Malformed entries are skipped.
 */
export function readMemberNames(doc: Y.Doc): ReadonlyMap<MemberId, string> {
  const names = new Map<MemberId, string>();
  for (const [memberId, raw] of teamMembers(doc).entries()) {
    const parsed = v.safeParse(MemberEntrySchema, raw);
    if (isMemberId(memberId) && parsed.success) names.set(memberId, parsed.output.displayName);
  }
  return names;
}

/** Reads a plain, immutable snapshot; malformed member entries are skipped and counted, never thrown. */
export function readTeam(doc: Y.Doc): TeamSnapshot {
  const meta = teamMeta(doc);
  const name = meta.get('name');
  const schemaVersion = meta.get('schemaVersion');
  const members: TeamMember[] = [];
  let skipped = 0;
  for (const [memberId, raw] of teamMembers(doc).entries()) {
    const parsed = v.safeParse(MemberEntrySchema, raw);
    if (!isMemberId(memberId) || !parsed.success) {
      skipped++;
      continue;
    }
    if (parsed.output.removedAt === null) members.push({ memberId, ...parsed.output });
  }
  members.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    name: typeof name === 'string' ? name : '',
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
    members,
    skipped,
  };
}

/** Fills what a new or older team document lacks; idempotent, never overwrites. */
export function initTeamDoc(
  doc: Y.Doc,
  init: { name: string; createdAt: string },
  origin?: unknown,
): void {
  doc.transact(() => {
    const meta = teamMeta(doc);
    if (typeof meta.get('name') !== 'string') meta.set('name', init.name);
    if (typeof meta.get('createdAt') !== 'string') meta.set('createdAt', init.createdAt);
    if (meta.get('schemaVersion') !== TEAM_SCHEMA_VERSION)
      meta.set('schemaVersion', TEAM_SCHEMA_VERSION);
  }, origin);
}

export function setTeamName(doc: Y.Doc, name: string, origin?: unknown): void {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 120)
    throw new RangeError('team name must be 1–120 characters');
  doc.transact(() => teamMeta(doc).set('name', trimmed), origin);
}

export function putMember(
  doc: Y.Doc,
  memberId: MemberId,
  entry: TeamMemberEntry,
  origin?: unknown,
): void {
  doc.transact(() => teamMembers(doc).set(memberId, { ...entry }), origin);
}

export function markMemberRemoved(
  doc: Y.Doc,
  memberId: MemberId,
  removedAt: string,
  origin?: unknown,
): void {
  const members = teamMembers(doc);
  const parsed = v.safeParse(MemberEntrySchema, members.get(memberId));
  if (!parsed.success) return;
  doc.transact(() => members.set(memberId, { ...parsed.output, removedAt }), origin);
}

// ── cycle index (issue 5) ──────────────────────────────────────────────────

/** `cycles` Y.Map: cycleId → CycleSummary without its cycleId (plain, last writer wins). */
export const TEAM_CYCLES = 'cycles';

const CycleSummarySchema = v.object({
  title: v.string(),
  stage: v.picklist(CYCLE_STAGES),
  researchLessons: v.pipe(v.number(), v.integer(), v.minValue(0)),
  runsTaught: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lastActivityAt: v.string(),
  createdAt: v.string(),
});

export function teamCycles(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAM_CYCLES);
}

/**
 * Writes (replaces) the team page's summary of one cycle. A deleted cycle gets
 * no summary again (a device still holding it open would otherwise bring it
 * back to the list); returns false then.
 */
export function putCycleSummary(doc: Y.Doc, summary: CycleSummary, origin?: unknown): boolean {
  const { cycleId, ...entry } = summary;
  if (isCycleDeleted(doc, cycleId)) return false;
  doc.transact(() => teamCycles(doc).set(cycleId, entry), origin);
  return true;
}

/** Summaries of the team's cycles, latest activity first; malformed entries and deleted cycles are skipped. */
export function readCycleSummaries(doc: Y.Doc): CycleSummary[] {
  const out: CycleSummary[] = [];
  // A summary written offline by a colleague may arrive after the deletion: the tombstone wins.
  const deleted = new Set(teamDeletedCycles(doc).keys());
  for (const [cycleId, raw] of teamCycles(doc).entries()) {
    const parsed = v.safeParse(CycleSummarySchema, raw);
    if (isDocId(cycleId) && parsed.success && !deleted.has(cycleId)) {
      out.push({ cycleId, ...parsed.output });
    }
  }
  return out.sort(
    (a, b) =>
      b.lastActivityAt.localeCompare(a.lastActivityAt) ||
      b.createdAt.localeCompare(a.createdAt) ||
      a.cycleId.localeCompare(b.cycleId),
  );
}

// ── deleted cycles ─────────────────────────────────────────────────────────

/** `deletedCycles` Y.Map: cycleId → CycleTombstone. Entries are never removed. */
export const TEAM_DELETED_CYCLES = 'deletedCycles';

/**
 * Why the sync server refuses a document: it was deleted (a cycle), so a
 * device holding an old copy can never bring it back. The client purges its
 * copy when it meets this reason.
 */
export const DOCUMENT_DELETED_REASON = 'document-deleted' satisfies SyncDenyReason;

export type CycleTombstone = {
  readonly deletedAt: string;
  /** The facilitator who deleted it; null when the server wrote the tombstone on its own. */
  readonly deletedBy: MemberId | null;
};

const TombstoneSchema = v.object({
  deletedAt: v.string(),
  deletedBy: v.optional(v.nullable(v.string()), null),
});

export function teamDeletedCycles(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAM_DELETED_CYCLES);
}

/** True once the cycle was deleted, whatever the shape of the entry (a tombstone is never ignored). */
export function isCycleDeleted(doc: Y.Doc, cycleId: string): boolean {
  return teamDeletedCycles(doc).has(cycleId);
}

/** The tombstone of a deleted cycle, or null when it was not deleted. */
export function readCycleTombstone(doc: Y.Doc, cycleId: string): CycleTombstone | null {
  const raw = teamDeletedCycles(doc).get(cycleId);
  if (raw === undefined) return null;
  const parsed = v.safeParse(TombstoneSchema, raw);
  if (!parsed.success) return { deletedAt: '', deletedBy: null };
  const { deletedAt, deletedBy } = parsed.output;
  return { deletedAt, deletedBy: isMemberId(deletedBy) ? deletedBy : null };
}

/** Every deleted cycle's id. */
export function readDeletedCycleIds(doc: Y.Doc): ReadonlySet<string> {
  return new Set(teamDeletedCycles(doc).keys());
}

/**
 * Records that a cycle was deleted and removes its summary, in one
 * transaction. The first tombstone stays (the deleting client and the server
 * both write one; neither replaces the other).
 */
export function markCycleDeleted(
  doc: Y.Doc,
  cycleId: string,
  tombstone: CycleTombstone,
  origin?: unknown,
): void {
  doc.transact(() => {
    const deleted = teamDeletedCycles(doc);
    if (!deleted.has(cycleId)) deleted.set(cycleId, { ...tombstone });
    const cycles = teamCycles(doc);
    if (cycles.has(cycleId)) cycles.delete(cycleId);
  }, origin);
}
