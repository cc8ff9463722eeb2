import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { SettingsPage } from './pages.ts';

/** What the browser itself says about this origin's storage. */
function browserStorage(page: Page): Promise<{ persisted: boolean; quota: number }> {
  return page.evaluate(async () => ({
    persisted: await navigator.storage.persisted(),
    quota: (await navigator.storage.estimate()).quota ?? 0,
  }));
}

const PERSISTENCE_TEXT = {
  true: nl.settings.storage.persisted,
  false: nl.settings.storage.notPersisted,
} as const;

describe('settings: storage on this device', () => {
  let stage: Stage;
  let teacher: TeacherContext;
  let settings: SettingsPage;

  beforeAll(async () => {
    stage = await startStage();
  });

  // Each test is a fresh device: asking for persistent storage in one changes nothing in another.
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

  it('shows how much storage is used out of the quota', async () => {
    const section = settings.storageSection;
    await section.getByRole('heading', { name: nl.settings.storage.title }).waitFor();
    const [before, after] = nl.settings.storage.usage.split(/\{\{\s*\w+\s*\}\}/).slice(1);
    await section.getByText(new RegExp(`\\d.*${before?.trim()}.*\\d.*${after?.trim()}`)).waitFor();
    const meter = section.locator('meter');
    const max = Number(await meter.getAttribute('max'));
    const { quota } = await browserStorage(teacher.page);
    expect(max).toBeGreaterThan(0);
    expect(Math.abs(max - quota) / quota).toBeLessThan(0.05);
    expect(await section.getByText(nl.settings.storage.unknownUsage).count()).toBe(0);
  });

  it('shows whether storage is persistent, as the browser reports it', async () => {
    const section = settings.storageSection;
    const { persisted } = await browserStorage(teacher.page);
    await section.getByText(PERSISTENCE_TEXT[`${persisted}`]).waitFor();
    expect(await section.getByText(nl.settings.storage.unsupported).count()).toBe(0);
    expect(await section.getByRole('button', { name: nl.settings.storage.request }).count()).toBe(
      persisted ? 0 : 1,
    );
  });

  it('asks the browser for persistent storage on request and shows the answer', async () => {
    const section = settings.storageSection;
    const request = section.getByRole('button', { name: nl.settings.storage.request });
    if ((await request.count()) === 0) return; // already persistent: nothing to ask
    await request.click();
    await expect
      .poll(async () => {
        const { persisted } = await browserStorage(teacher.page);
        return section.getByText(PERSISTENCE_TEXT[`${persisted}`]).count();
      })
      .toBe(1);
  });
});
