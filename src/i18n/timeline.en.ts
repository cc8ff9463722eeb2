import type { Shape } from './nl.ts';
import type { timelineNl } from './timeline.nl.ts';

/** English texts of src/features/timeline. */
export const timelineEn: Shape<typeof timelineNl> = {
  title: 'Timeline',
};
