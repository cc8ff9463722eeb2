import type { TFunction } from 'i18next';
import type { ProtocolStep } from '../../model/debriefProtocol.ts';

/** A step's title: the team's own, else the translated title of its kind. */
export function stepTitle(t: TFunction, step: ProtocolStep): string {
  return step.title.trim() || t(`debrief.kinds.${step.kind}`);
}
