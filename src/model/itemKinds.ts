/**
 * The kinds of a kijkwijzer item, without imports: the team document's
 * schema (part of the app's first screen) needs them, the template model
 * (templates.ts) does not have to come along.
 */
export const ITEM_KINDS = ['check', 'rating', 'tally', 'interval', 'note'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
