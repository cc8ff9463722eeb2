import i18next from 'i18next';
import { coachingEn } from './coaching.en.ts';
import { coachingNl } from './coaching.nl.ts';

// The coaching texts (`coaching.*`, both languages) load with its screens, not in the initial
// bundle; see debriefTexts.ts.
for (const [language, coaching] of [
  ['nl', coachingNl],
  ['en', coachingEn],
] as const)
  i18next.addResourceBundle(language, 'translation', { coaching }, true, false);
