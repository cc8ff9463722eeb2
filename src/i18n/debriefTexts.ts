import i18next from 'i18next';
import { debriefEn } from './debrief.en.ts';
import { debriefNl } from './debrief.nl.ts';

// The debrief's texts (`debrief.*`, both languages) load with the screens that use them (the
// debrief, the plan of a later research lesson), not in the initial bundle. Imported for its
// effect; a language's own messages, loaded later, are merged around them (index.ts).
for (const [language, debrief] of [
  ['nl', debriefNl],
  ['en', debriefEn],
] as const)
  i18next.addResourceBundle(language, 'translation', { debrief }, true, false);
