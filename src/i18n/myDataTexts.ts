import i18next from 'i18next';
import { myDataEn } from './myData.en.ts';
import { myDataNl } from './myData.nl.ts';

// The texts of "My data" (`myData.*`, both languages) load with its screen, not in the initial
// bundle; see debriefTexts.ts.
for (const [language, myData] of [
  ['nl', myDataNl],
  ['en', myDataEn],
] as const)
  i18next.addResourceBundle(language, 'translation', { myData }, true, false);
