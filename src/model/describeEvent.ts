import type { PhaseId } from './cycleTypes.ts';
import type { ObservationEvent } from './eventLog.ts';
import { levelLabel } from './runTemplate.ts';
import type { TemplateItem } from './templates.ts';

/**
 * How a recorded event reads, the same on the live observation screen (one
 * line) and on the timeline (item and value apart). Pure: the texts come from
 * `translate` with the keys under `describe` in src/i18n.
 */

export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

export type DescribeContext = {
  /** The run's kijkwijzer items by id (runItems). */
  readonly items: ReadonlyMap<string, TemplateItem>;
  readonly phaseName: (phaseId: PhaseId | null) => string;
  /** The pupil's pseudonym, or undefined for an unknown pupil. */
  readonly pupilName: (pupilId: string) => string | undefined;
};

const NOTE_LENGTH = 60;

/** The item's label, or the neutral name of an item missing from the kijkwijzer. */
export function itemName(
  items: ReadonlyMap<string, TemplateItem>,
  itemId: string,
  translate: Translate,
): string {
  return items.get(itemId)?.label.trim() || translate('describe.unknownItem');
}

/** What an event is about: its item (and team of a team tally); '' for an event without an item. */
export function describeItem(
  event: ObservationEvent,
  items: ReadonlyMap<string, TemplateItem>,
  translate: Translate,
): string {
  if (event.itemId === undefined) return '';
  const item = itemName(items, event.itemId, translate);
  if (event.kind !== 'tally' || event.team === undefined) return item;
  const team =
    items.get(event.itemId)?.teams?.[event.team]?.trim() ||
    translate('describe.unknownTeam', { number: event.team + 1 });
  return translate('describe.itemTeam', { item, team });
}

const tallyStep = (event: ObservationEvent): number =>
  typeof event.value === 'number' ? event.value : 1;

/** The value an event recorded in words ("+1", "gezien", "3 van 4 — goed"); '' when it has none. */
export function describeValue(
  event: ObservationEvent,
  items: ReadonlyMap<string, TemplateItem>,
  translate: Translate,
): string {
  switch (event.kind) {
    case 'tally': {
      const step = tallyStep(event);
      return translate(step < 0 ? 'describe.tallyCorrection' : 'describe.tally', {
        count: Math.abs(step),
      });
    }
    case 'check':
      return translate(event.value === true ? 'describe.checkYes' : 'describe.checkNo');
    case 'rating': {
      const value = typeof event.value === 'number' ? event.value : 0;
      const item = event.itemId === undefined ? undefined : items.get(event.itemId);
      const level = levelLabel(item, value);
      return level
        ? translate('describe.ratingNamed', { value, level })
        : translate('describe.rating', { value });
    }
    case 'interval':
      return translate('describe.interval', { value: String(event.value ?? '') });
    default:
      return '';
  }
}

/** One line saying what an event recorded, e.g. "+1 Vraagt om hulp (Leerling A)". */
export function describeEvent(
  event: ObservationEvent,
  context: DescribeContext,
  translate: Translate,
): string {
  const item = describeItem(event, context.items, translate);
  let what: string;
  switch (event.kind) {
    case 'phase':
      what = translate('describe.phase', { phase: context.phaseName(event.phaseId) });
      break;
    case 'tally': {
      const step = tallyStep(event);
      what = translate(step < 0 ? 'describe.tallyCorrectionLine' : 'describe.tallyLine', {
        count: Math.abs(step),
        item,
      });
      break;
    }
    case 'check':
    case 'rating':
    case 'interval':
      what = translate('describe.itemLine', {
        item,
        value: describeValue(event, context.items, translate),
      });
      break;
    case 'note': {
      const text = event.text ?? '';
      what = translate('describe.note', {
        text: text.length > NOTE_LENGTH ? `${text.slice(0, NOTE_LENGTH - 1)}…` : text,
      });
      break;
    }
    default:
      what = translate(`describe.${event.kind}`);
  }
  const pupil = event.pupilId === undefined ? undefined : context.pupilName(event.pupilId);
  return pupil === undefined ? what : translate('describe.forPupil', { what, name: pupil });
}
