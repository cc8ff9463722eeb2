import i18next from 'i18next';
import { plgEn } from './plg.en.ts';
import { plgNl } from './plg.nl.ts';

// The PLG year's texts (`plg.*`, both languages) load with the screens that use them (the
// year overview, a cycle's meetings), not in the initial bundle; see debriefTexts.ts.
for (const [language, plg] of [
  ['nl', plgNl],
  ['en', plgEn],
] as const)
  i18next.addResourceBundle(language, 'translation', { plg }, true, false);
