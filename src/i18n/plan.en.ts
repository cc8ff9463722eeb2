import type { Shape } from './nl.ts';
import type { planNl } from './plan.nl.ts';

export const planEn: Shape<typeof planNl> = {
  title: 'Lesson plan',
};
