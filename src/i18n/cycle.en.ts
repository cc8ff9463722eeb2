import type { cycleNl } from './cycle.nl.ts';
import type { Shape } from './nl.ts';

export const cycleEn: Shape<typeof cycleNl> = {
  title: 'Cycles',
};
