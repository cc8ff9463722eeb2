import * as v from 'valibot';
import type * as Y from 'yjs';
import {
  ACTIVITY_KINDS,
  CYCLE_STAGES,
  type CycleSummary,
  DEFAULT_LESSON_MINUTES,
  type RunId,
} from './cycleTypes.ts';
import { isDocId, isMemberId, type MemberId } from './ids.ts';
import { ITEM_KINDS } from './itemKinds.ts';

/**
 * The team document, writable by every member who may edit. These top-level
 * names are the schema: renaming one orphans every team's data, so they never
 * change.
 *
 *   meta     Y.Map  name (string), schemaVersion (number), createdAt (ISO string)
 *   cycles   Y.Map  cycleId → CycleSummary without cycleId (plain, last writer wins)
 *   templates       the kijkwijzer library (templates.ts)
 *
 * Members, roles, removals and deleted cycles are NOT here: only the server
 * may decide them, so they live in the read-only roster document (roster.ts).
 * Team documents written by earlier versions also hold `members` and
 * `deletedCycles` maps; nothing reads them any more, since any teacher could
 * have forged them.
 */
export const TEAM_META = 'meta';
export const TEAM_SCHEMA_VERSION = 1;

export type TeamSnapshot = {
  readonly name: string;
  readonly schemaVersion: number;
};

export function teamMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAM_META);
}

/** Reads a plain, immutable snapshot of the team's name and schema version. */
export function readTeam(doc: Y.Doc): TeamSnapshot {
  const meta = teamMeta(doc);
  const name = meta.get('name');
  const schemaVersion = meta.get('schemaVersion');
  return {
    name: typeof name === 'string' ? name : '',
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
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

// ── cycle index (issue 5) ──────────────────────────────────────────────────

/** `cycles` Y.Map: cycleId → CycleSummary without its cycleId (plain, last writer wins). */
export const TEAM_CYCLES = 'cycles';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Figure = v.nullable(v.pipe(v.number(), v.finite()));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60));

const CycleSummarySchema = v.object({
  title: v.string(),
  stage: v.picklist(CYCLE_STAGES),
  researchLessons: Count,
  runsTaught: Count,
  lastActivityAt: v.string(),
  createdAt: v.string(),
  // Summaries written before the PLG's year lack these; an unreadable part reads as empty
  // rather than hiding the cycle from the team page.
  lessonsTaught: v.fallback(v.optional(Count, 0), 0),
  lessonMinutes: v.fallback(v.optional(Minutes, DEFAULT_LESSON_MINUTES), DEFAULT_LESSON_MINUTES),
  baselines: v.fallback(
    v.optional(
      v.array(v.object({ label: v.string(), unit: v.string(), value: Figure, after: Figure })),
      [],
    ),
    [],
  ),
  activities: v.fallback(
    v.optional(
      v.array(
        v.object({
          kind: v.picklist(ACTIVITY_KINDS),
          date: Day,
          minutes: Minutes,
          memberIds: v.array(v.custom<MemberId>(isMemberId)),
          runId: v.optional(v.string()),
        }),
      ),
      [],
    ),
    [],
  ),
  measures: v.fallback(
    v.optional(
      v.array(
        v.object({
          runId: v.custom<RunId>((value) => typeof value === 'string' && value !== ''),
          rl: Count,
          date: Day,
          items: v.array(
            v.object({
              key: v.string(),
              label: v.string(),
              kind: v.picklist(ITEM_KINDS),
              value: v.pipe(v.number(), v.finite()),
            }),
          ),
        }),
      ),
      [],
    ),
    [],
  ),
});

export function teamCycles(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAM_CYCLES);
}

/**
 * Writes (replaces) the team page's summary of one cycle. Whether the cycle
 * was deleted is the roster's to say: callers check it (readers filter by it).
 */
export function putCycleSummary(doc: Y.Doc, summary: CycleSummary, origin?: unknown): void {
  const { cycleId, ...entry } = summary;
  doc.transact(() => teamCycles(doc).set(cycleId, entry), origin);
}

/** Removes a cycle's summary (a deleted cycle), so the list drops it without waiting for the roster. */
export function removeCycleSummary(doc: Y.Doc, cycleId: string, origin?: unknown): void {
  const cycles = teamCycles(doc);
  if (cycles.has(cycleId)) doc.transact(() => cycles.delete(cycleId), origin);
}

/** The `members` map team documents of earlier versions kept (names included). */
const LEGACY_MEMBERS = 'members';

/**
 * Removes a member's entry, name included, from the `members` map earlier
 * versions kept in the team document (a member who deleted their account).
 * Creates nothing in a document that never had that map.
 */
export function removeLegacyMember(doc: Y.Doc, memberId: string, origin?: unknown): void {
  if (!doc.share.has(LEGACY_MEMBERS)) return;
  const members = doc.getMap(LEGACY_MEMBERS);
  if (members.has(memberId)) doc.transact(() => members.delete(memberId), origin);
}

/**
 * Summaries of the team's cycles, latest activity first; malformed entries and
 * the cycles in `deleted` (the roster's deleted cycles) are skipped. A summary
 * written offline by a colleague may arrive after the deletion: the roster wins.
 */
export function readCycleSummaries(
  doc: Y.Doc,
  deleted: { has(cycleId: string): boolean },
): CycleSummary[] {
  const out: CycleSummary[] = [];
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
