import { db } from './db.ts';

export type Language = 'nl' | 'en';
export const DEFAULT_LANGUAGE: Language = 'nl';
/** localStorage mirror of the language, readable synchronously before the first render. */
export const LANGUAGE_STORAGE_KEY = 'leskring.lang';
const LANGUAGE_SETTING = 'language';

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const record = await db.settings.get(key);
  return record?.value as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** The chosen language; Dutch until someone picks another one. */
export async function getLanguage(): Promise<Language> {
  const value = await getSetting<unknown>(LANGUAGE_SETTING);
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

/** Stores the language in Dexie and mirrors it to localStorage for {@link readLanguageSync}. */
export async function setLanguage(lang: Language): Promise<void> {
  await setSetting(LANGUAGE_SETTING, lang);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Storage disabled (private mode, quota): Dexie still has it.
  }
}

/** The language for the first render, before Dexie answers; 'nl' when unknown. */
export function readLanguageSync(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}
