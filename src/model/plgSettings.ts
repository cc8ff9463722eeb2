import * as v from 'valibot';
import type * as Y from 'yjs';
import { isMemberId, type MemberId } from './ids.ts';
import { DEFAULT_TARGET_HOURS, type ManualHours } from './learningHours.ts';
import type { FollowedItem } from './plgOverview.ts';
import { isCalendarDay } from './schoolYear.ts';
import { ITEM_KINDS } from './templates.ts';

/**
 * The PLG's own settings and hand-entered hours, in the team document:
 *
 *   plg            Y.Map  targetHours (number), followedItems (FollowedItem[])
 *   learningHours  Y.Map  id → ManualHours without its id (plain)
 *
 * Both are plain values under top-level maps, so two members editing offline
 * never lose each other's entries; a setting is last writer wins.
 */

export const TEAM_PLG = 'plg';
export const TEAM_LEARNING_HOURS = 'learningHours';
export const MAX_TARGET_HOURS = 200;
export const MAX_FOLLOWED_ITEMS = 12;
export const MAX_HOURS_DESCRIPTION = 200;
/** One entry by hand covers at most a long study day. */
export const MAX_MANUAL_MINUTES = 12 * 60;

export type PlgSettings = {
  readonly targetHours: number;
  readonly followedItems: readonly FollowedItem[];
};

const TargetHours = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_TARGET_HOURS));
const FollowedSchema = v.pipe(
  v.array(v.object({ key: v.string(), label: v.string(), kind: v.picklist(ITEM_KINDS) })),
  v.maxLength(MAX_FOLLOWED_ITEMS),
);
const ManualSchema = v.object({
  memberId: v.custom<MemberId>(isMemberId),
  date: v.pipe(v.string(), v.check(isCalendarDay)),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_MANUAL_MINUTES)),
  description: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_HOURS_DESCRIPTION)),
});

export const plgMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TEAM_PLG);
export const learningHoursMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TEAM_LEARNING_HOURS);

export function readPlgSettings(doc: Y.Doc): PlgSettings {
  const map = plgMap(doc);
  const target = v.safeParse(TargetHours, map.get('targetHours'));
  const followed = v.safeParse(FollowedSchema, map.get('followedItems'));
  return {
    targetHours: target.success ? target.output : DEFAULT_TARGET_HOURS,
    followedItems: followed.success ? followed.output : [],
  };
}

export function setTargetHours(doc: Y.Doc, hours: number, origin?: unknown): void {
  const parsed = v.safeParse(TargetHours, hours);
  if (!parsed.success) throw new RangeError(`a target is 1–${MAX_TARGET_HOURS} whole hours`);
  doc.transact(() => plgMap(doc).set('targetHours', parsed.output), origin);
}

export function setFollowedItems(
  doc: Y.Doc,
  items: readonly FollowedItem[],
  origin?: unknown,
): void {
  const unique = new Map<string, FollowedItem>();
  for (const item of items) if (!unique.has(item.key)) unique.set(item.key, item);
  const parsed = v.safeParse(FollowedSchema, [...unique.values()]);
  if (!parsed.success)
    throw new RangeError(
      `followed items: at most ${MAX_FOLLOWED_ITEMS}, each a kijkwijzer item with key, label and kind`,
    );
  doc.transact(() => plgMap(doc).set('followedItems', parsed.output), origin);
}

/** Adds hours by hand for `memberId`; returns the entry's id. */
export function addManualHours(
  doc: Y.Doc,
  id: string,
  entry: Omit<ManualHours, 'id'>,
  origin?: unknown,
): string {
  const parsed = v.safeParse(ManualSchema, { ...entry, description: entry.description.trim() });
  if (!parsed.success)
    throw new RangeError(`invalid hours: ${parsed.issues[0]?.path?.[0]?.key ?? 'entry'}`);
  doc.transact(() => learningHoursMap(doc).set(id, parsed.output), origin);
  return id;
}

/** Removes an entry by hand; only its own member may (the caller checks who asks). */
export function removeManualHours(doc: Y.Doc, id: string, origin?: unknown): void {
  if (!learningHoursMap(doc).has(id)) return;
  doc.transact(() => learningHoursMap(doc).delete(id), origin);
}

/** Every well-formed entry by hand, oldest first. */
export function readManualHours(doc: Y.Doc): ManualHours[] {
  const out: ManualHours[] = [];
  for (const [id, raw] of learningHoursMap(doc).entries()) {
    const parsed = v.safeParse(ManualSchema, raw);
    if (parsed.success) out.push({ id, ...parsed.output });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
