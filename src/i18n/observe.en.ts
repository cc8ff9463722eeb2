import type { Shape } from './nl.ts';
import type { observeNl } from './observe.nl.ts';

/** English texts of src/features/observe. */
export const observeEn: Shape<typeof observeNl> = {
  title: 'Observe',
};
