import type { TFunction } from 'i18next';
import type { CasePupil, Phase } from '../../model/cycleTypes.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import type { Template, TemplateItem } from '../../model/templates.ts';

export type Lookups = {
  /** The run's kijkwijzer items by id (itemsById). */
  readonly items: ReadonlyMap<string, TemplateItem>;
  readonly pupils: readonly CasePupil[];
  readonly phases: readonly Phase[];
};

/** Items of a template by id. */
export function itemsById(template: Template | null): ReadonlyMap<string, TemplateItem> {
  const map = new Map<string, TemplateItem>();
  for (const section of template?.sections ?? [])
    for (const item of section.items) map.set(item.id, item);
  return map;
}

/** A phase's title, or "Phase n" when it has none. */
export function phaseTitle(
  t: TFunction,
  phases: readonly Phase[],
  phase: Phase | undefined,
): string {
  if (!phase) return t('observe.phase.none');
  return phase.title.trim() || t('observe.phase.untitled', { n: phases.indexOf(phase) + 1 });
}

/** One line saying what an event recorded, e.g. "+1 Asks for help (Pupil A)". */
export function describeEvent(t: TFunction, event: ObservationEvent, lookups: Lookups): string {
  const item = event.itemId === undefined ? undefined : lookups.items.get(event.itemId);
  let label = item?.label || t('observe.describe.unknownItem');
  if (item?.teams && event.team !== undefined) label = `${label} · ${item.teams[event.team] ?? ''}`;
  let what: string;
  switch (event.kind) {
    case 'phase':
      what = t('observe.describe.phase', {
        phase: phaseTitle(
          t,
          lookups.phases,
          lookups.phases.find((p) => p.id === event.phaseId),
        ),
      });
      break;
    case 'tally':
      what = t('observe.describe.tally', {
        count: typeof event.value === 'number' ? event.value : 1,
        label,
      });
      break;
    case 'check':
      what = t('observe.describe.check', {
        label,
        value:
          event.value === true ? t('observe.describe.checkYes') : t('observe.describe.checkNo'),
      });
      break;
    case 'rating': {
      const level = item?.levels?.find((l) => l.value === event.value);
      const value = level?.label ? `${String(event.value)} (${level.label})` : String(event.value);
      what = t('observe.describe.rating', { label, value });
      break;
    }
    case 'interval':
      what = t('observe.describe.interval', { label, value: String(event.value) });
      break;
    case 'note': {
      const text = event.text ?? '';
      what = t('observe.describe.note', {
        text: text.length > 60 ? `${text.slice(0, 59)}…` : text,
      });
      break;
    }
    default:
      what = t(`observe.describe.${event.kind}`);
  }
  const pupil = lookups.pupils.find((p) => p.id === event.pupilId);
  return pupil ? t('observe.describe.forPupil', { what, name: pupil.pseudonym }) : what;
}
