import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { promptInstall, useInstallState } from '../../app/installPrompt.ts';
import { LANGUAGES, type Language, switchLanguage } from '../../i18n/index.ts';
import { setLanguage } from '../../sync/device.ts';
import { StorageStatus } from './StorageStatus.tsx';

export default function SettingsPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const install = useInstallState();

  // The radio shows the choice at once: it must not snap back while English loads or the
  // choice is stored. Switch before storing, so a failing write never keeps the old language.
  const [choosing, setChoosing] = useState<Language | null>(null);
  async function changeLanguage(language: Language) {
    setChoosing(language);
    try {
      await switchLanguage(language);
      await setLanguage(language);
    } finally {
      setChoosing(null);
    }
  }

  return (
    <div className="stack narrow">
      <h1>{t('settings.title')}</h1>
      <section className="card" aria-labelledby={`${id}-lang`}>
        <h2 id={`${id}-lang`}>{t('settings.language')}</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('settings.language')}</legend>
          {LANGUAGES.map((language) => (
            <label key={language} className="segment">
              <input
                type="radio"
                name="language"
                value={language}
                checked={(choosing ?? i18n.language) === language}
                onChange={() => void changeLanguage(language)}
              />
              <span lang={language}>{t(`settings.languages.${language}`)}</span>
            </label>
          ))}
        </fieldset>
      </section>
      <StorageStatus />
      <section className="card" aria-labelledby={`${id}-install`}>
        <h2 id={`${id}-install`}>{t('settings.install.title')}</h2>
        {install === 'installed' && <p>{t('settings.install.installed')}</p>}
        {install === 'available' && (
          <button type="button" className="primary" onClick={() => void promptInstall()}>
            {t('settings.install.button')}
          </button>
        )}
        {install === 'manual' && <p className="muted">{t('settings.install.manual')}</p>}
      </section>
      <section className="card" aria-labelledby={`${id}-my-data`}>
        <h2 id={`${id}-my-data`}>{t('settings.myData.title')}</h2>
        <p>{t('settings.myData.body')}</p>
        <Link className="tap-link" href="/settings/my-data">
          {t('settings.myData.link')}
        </Link>
      </section>
      <section className="card" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('settings.about.title')}</h2>
        <p>{t('settings.about.version', { version: __APP_VERSION__ })}</p>
      </section>
    </div>
  );
}
