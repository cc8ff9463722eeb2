import type { TFunction } from 'i18next';
import type { Translate } from '../model/describeEvent.ts';

/** i18next's `t` as the plain translate function the model's describers take. */
export const translator =
  (t: TFunction): Translate =>
  (key, values) =>
    values === undefined ? t(key) : t(key, values);
