import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Messages, nl } from './nl.ts';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

// Dutch, the default, ships in the entry chunk; English is its own chunk (precached by the
// service worker like every other, so it also loads offline) to keep the initial bundle small.
const loaders: Record<Language, () => Promise<Messages>> = {
  nl: async () => nl,
  en: () => import('./en.ts').then((module) => module.en),
};

async function ensureLoaded(language: Language): Promise<void> {
  // Not hasResourceBundle: a lazily loaded screen may have added its own texts already.
  if (i18next.getResource(language, 'translation', 'app.name') !== undefined) return;
  i18next.addResourceBundle(language, 'translation', await loaders[language]());
}

/** Starts i18next in `language`; resolves once its messages are loaded, before the first render. */
export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: 'nl',
    fallbackLng: 'nl',
    resources: { nl: { translation: nl } },
    interpolation: { escapeValue: false },
    // Said explicitly, so i18next need not test every key with regular expressions for
    // whether it is a sentence rather than a path (a measurable share of a tap's render).
    keySeparator: '.',
    nsSeparator: false,
    returnNull: false,
    initAsync: false,
  });
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await switchLanguage(language);
  document.documentElement.lang = i18next.language;
}

/** Loads the language's messages if needed, then shows the app in it. */
export async function switchLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
}
