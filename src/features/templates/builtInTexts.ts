import type { BuiltInTexts } from '../../model/builtInTemplates.ts';

/** The built-in kijkwijzers' texts in the UI language, loaded only when asked for. */
export async function builtInTexts(language: string): Promise<BuiltInTexts> {
  if (language.startsWith('en')) return (await import('../../i18n/templates.en.ts')).templatesEn;
  return (await import('../../i18n/templates.nl.ts')).templatesNl;
}
