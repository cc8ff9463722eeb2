import type { TFunction } from 'i18next';
import { translator } from '../../i18n/translate.ts';
import type { CasePupil, PhaseId, ResearchLesson } from '../../model/cycleTypes.ts';
import { itemName } from '../../model/describeEvent.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';
import type { TemplateItem } from '../../model/templates.ts';

/** How the timeline names members, pupils, phases and items; unknown ones get a neutral name. */
export type Labels = {
  readonly member: (id: MemberId) => string;
  /** The display name alone, without "(you)", for use inside a sentence. */
  readonly memberName: (id: MemberId) => string;
  /** '' for an event about the whole class. */
  readonly pupil: (id: string | undefined) => string;
  readonly phase: (id: PhaseId | null) => string;
  readonly item: (id: string | undefined) => TemplateItem | undefined;
  /** The run's kijkwijzer items by id. */
  readonly items: ReadonlyMap<string, TemplateItem>;
  /** Position of each item in the run's kijkwijzer. */
  readonly itemOrder: ReadonlyMap<string, number>;
  /** The item's label, or what a record without an item is (a free note, a photo). */
  readonly itemLabel: (event: Pick<ObservationEvent, 'itemId' | 'kind'>) => string;
};

export function makeLabels(
  t: TFunction,
  input: {
    /** The member using this device (named with "you"); null before the membership loaded. */
    me: { memberId: MemberId; displayName: string } | null;
    /** Every member's name, removed members included (the roster's `names`). */
    names: ReadonlyMap<MemberId, string>;
    pupils: readonly CasePupil[];
    researchLesson: ResearchLesson | undefined;
    items: ReadonlyMap<string, TemplateItem>;
  },
): Labels {
  const members: ReadonlyMap<string, string> = input.names;
  const pupils = new Map(input.pupils.map((p) => [p.id as string, p.pseudonym]));
  const phases = new Map(
    (input.researchLesson?.phases ?? []).map((phase, index) => [
      phase.id as string,
      phase.title.trim() || t('timeline.names.untitledPhase', { number: index + 1 }),
    ]),
  );
  const translate = translator(t);
  const nameOf = (id: MemberId): string | undefined =>
    members.get(id) ?? (id === input.me?.memberId ? input.me.displayName : undefined);
  return {
    member: (id) => {
      const name = nameOf(id);
      if (name === undefined) return t('timeline.names.unknownMember');
      return id === input.me?.memberId ? t('timeline.names.you', { name }) : name;
    },
    memberName: (id) => nameOf(id) ?? t('timeline.names.unknownMember'),
    pupil: (id) => (id === undefined ? '' : (pupils.get(id) ?? t('timeline.names.unknownPupil'))),
    phase: (id) =>
      id === null
        ? t('timeline.names.noPhase')
        : (phases.get(id) ?? t('timeline.names.unknownPhase')),
    item: (id) => (id === undefined ? undefined : input.items.get(id)),
    items: input.items,
    itemOrder: new Map([...input.items.keys()].map((id, index) => [id, index])),
    itemLabel: (event) => {
      if (event.itemId === undefined)
        return event.kind === 'photo' ? t('timeline.names.photo') : t('timeline.names.freeNote');
      return itemName(input.items, event.itemId, translate);
    },
  };
}
