import type { ExampleCycleContent } from '../../model/exampleCycle.ts';

/** The example cycle in the UI language, loaded only when asked for (it is not needed at start). */
export async function exampleCycleContent(language: string): Promise<ExampleCycleContent> {
  if (language.startsWith('en')) {
    return (await import('../../i18n/exampleCycle.en.ts')).exampleCycleEn;
  }
  return (await import('../../i18n/exampleCycle.nl.ts')).exampleCycleNl;
}
