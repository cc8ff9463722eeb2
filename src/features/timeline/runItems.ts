import type { RunTemplate } from '../../model/eventLog.ts';
import { ITEM_KINDS, type ItemKind } from '../../model/templates.ts';

/** What the timeline needs to name an item of the kijkwijzer a run was observed with. */
export type ItemInfo = {
  readonly id: string;
  readonly kind: ItemKind;
  readonly label: string;
  /** Labels of rating levels 1–4 ('' where the copy has none). */
  readonly levels: readonly string[];
  /** Team names of a team tally (index = the event's `team`). */
  readonly teams: readonly string[];
  readonly prompt: string;
};

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The items of a run's kijkwijzer copy by id, in template order. The copy was
 * written by a peer, so it is read item by item: a malformed item is left
 * out (and shown with a neutral label) instead of hiding every label.
 */
export function runItems(template: RunTemplate | null): ReadonlyMap<string, ItemInfo> {
  const out = new Map<string, ItemInfo>();
  for (const section of list(template?.sections)) {
    for (const raw of list(record(section)?.items)) {
      const item = record(raw);
      const id = item?.id;
      const kind = item?.kind;
      if (item === null || typeof id !== 'string' || out.has(id)) continue;
      if (typeof kind !== 'string' || !(ITEM_KINDS as readonly string[]).includes(kind)) continue;
      const levels = [1, 2, 3, 4].map((value) =>
        text(
          list(item.levels)
            .map(record)
            .find((level) => level?.value === value)?.label,
        ),
      );
      out.set(id, {
        id,
        kind: kind as ItemKind,
        label: text(item.label),
        levels,
        teams: list(item.teams).map(text),
        prompt: text(item.prompt),
      });
    }
  }
  return out;
}
