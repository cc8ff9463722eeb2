import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { nl } from '../../src/i18n/nl.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { SettingsPage } from './pages.ts';

function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Waits until the choice is stored (Dexie, mirrored to localStorage `leskring.lang` for the first render). */
async function waitForStoredLanguage(page: Page, language: 'nl' | 'en'): Promise<void> {
  await page.waitForFunction((lang) => localStorage.getItem('leskring.lang') === lang, language);
}

function mainNavLink(page: Page, messages: typeof nl, name: 'teams' | 'settings') {
  return page
    .getByRole('navigation', { name: messages.app.nav.main })
    .getByRole('link', { name: messages.app.nav[name] });
}

/** Chooses English on the settings page and waits until the choice is shown and stored. */
async function chooseEnglish(settings: SettingsPage): Promise<void> {
  await settings.chooseLanguage('en');
  await settings.page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
  await waitForStoredLanguage(settings.page, 'en');
}

describe('language setting', () => {
  let stage: Stage;
  let teacher: TeacherContext;
  let settings: SettingsPage;

  beforeAll(async () => {
    stage = await startStage();
  });

  // Each test is a fresh device (its own storage), on the settings page.
  beforeEach(async () => {
    teacher = await stage.teacher();
    settings = await new SettingsPage(teacher.page).goto();
  });

  afterEach(async () => {
    await teacher?.context.close();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('starts in Dutch', async () => {
    await teacher.page.getByRole('heading', { level: 1, name: nl.settings.title }).waitFor();
    expect(await settings.languageOption('nl').isChecked()).toBe(true);
    expect(await htmlLang(teacher.page)).toBe('nl');
  });

  it('switches every text to English at once when English is chosen', async () => {
    const { page } = teacher;
    await settings.chooseLanguage('en');
    await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
    await page.getByRole('heading', { name: en.settings.storage.title }).waitFor();
    await mainNavLink(page, en, 'settings').waitFor();
    expect(await settings.languageOption('en').isChecked()).toBe(true);
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByText(nl.settings.storage.title).count()).toBe(0);
  });

  it('keeps English after a reload, on every screen', async () => {
    const { page } = teacher;
    await chooseEnglish(settings);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await settings.languageOption('en').isChecked()).toBe(true);

    await mainNavLink(page, en, 'teams').click();
    await page.getByRole('heading', { level: 1, name: en.home.title }).waitFor();
    await page.getByRole('region', { name: en.createTeam.title }).waitFor();
  });

  it('goes back to Dutch, and keeps that after a reload', async () => {
    const { page } = teacher;
    await chooseEnglish(settings);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
    await mainNavLink(page, en, 'teams').click();
    await page.getByRole('heading', { level: 1, name: en.home.title }).waitFor();
    await mainNavLink(page, en, 'settings').click();
    await settings.chooseLanguage('nl');
    await page.getByRole('heading', { level: 1, name: nl.settings.title }).waitFor();
    expect(await htmlLang(page)).toBe('nl');
    await waitForStoredLanguage(page, 'nl');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: nl.settings.title }).waitFor();
    expect(await htmlLang(page)).toBe('nl');
  });
});
