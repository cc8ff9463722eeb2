import type { TFunction } from 'i18next';
import type { Measure } from '../../model/findingChecks.ts';

/**
 * How a finding's measure reads (per observer, mean, share seen), or
 * `noData` when the run has no records of the item. Shared by the debrief's
 * finding checks and the plan's lessons side by side.
 */
export function measureText(t: TFunction, measure: Measure | undefined, noData: string): string {
  if (!measure || measure.value === null || measure.kind === null || measure.kind === 'note')
    return noData;
  const value =
    measure.kind === 'check' ? Math.round(measure.value * 100) : Number(measure.value.toFixed(1));
  return t(`debrief.checks.${measure.kind}`, { value });
}
