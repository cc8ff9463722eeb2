import type { TFunction } from 'i18next';
import type { Phase } from '../../model/cycleTypes.ts';

/** A phase's title, or "Phase n" when it has none. */
export function phaseTitle(
  t: TFunction,
  phases: readonly Phase[],
  phase: Phase | undefined,
): string {
  if (!phase) return t('observe.phase.none');
  return phase.title.trim() || t('observe.phase.untitled', { n: phases.indexOf(phase) + 1 });
}
