import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import {
  type Stage,
  startStage,
  type TeacherContext,
  waitForServiceWorkerControl,
} from './harness.ts';
import { type CyclePage, HomePage, type TeamPage } from './pages.ts';

/**
 * An edit the screen shows as done is on the device, even when the page is
 * reloaded at once, offline: every document change is committed to
 * IndexedDB in the task that made it (src/sync/localDocStore.ts). "At once"
 * means in the same task as the edit's own event handler: the click or the
 * typed text and `location.reload()` run in one `page.evaluate`, with no
 * round trip to the test in between.
 */
const TIMES = 20;

describe('an edit survives a reload made right after it, offline', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let team: TeamPage;
  let cycle: CyclePage;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher();
    team = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Wereldoriëntatie', displayName: 'Anna' }));
    await team.shell.waitForConnection('online');
    await waitForServiceWorkerControl(anna.page);
    await anna.context.setOffline(true);
  });

  afterAll(async () => {
    await stage?.close();
  });

  it(`keeps ${TIMES} team renames, each followed at once by a reload`, async () => {
    const lost: string[] = [];
    for (let i = 1; i <= TIMES; i++) {
      const name = `Wereldoriëntatie ${i}`;
      await anna.page.getByRole('button', { name: nl.team.rename }).click();
      await anna.page.getByLabel(nl.team.name, { exact: true }).fill(name);
      const reloaded = anna.page.waitForEvent('load');
      await anna.page.evaluate((save) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === save);
        button?.click();
        location.reload();
      }, nl.common.save);
      await reloaded;
      try {
        await team.waitForTeamName(name, 5_000);
      } catch {
        lost.push(name);
      }
    }
    expect(lost).toEqual([]);
  });

  it(`keeps ${TIMES} plan texts, each followed at once by a reload`, async () => {
    cycle = await team.startCycle();
    await cycle.closeGuide();
    await cycle.openTab('plan');
    await cycle.applyEdiTemplate();
    const lost: number[] = [];
    for (let i = 1; i <= TIMES; i++) {
      const field = cycle.phaseField(1, 'teacherActions');
      await field.focus();
      await field.press('ControlOrMeta+End');
      const reloaded = anna.page.waitForEvent('load');
      await field.evaluate((_textarea, typed) => {
        document.execCommand('insertText', false, typed);
        location.reload();
      }, ` stap${i}`);
      await reloaded;
      await cycle.openTab('plan');
      const text = await cycle.phaseField(1, 'teacherActions').inputValue();
      if (!text.endsWith(` stap${i}`)) lost.push(i);
    }
    expect(lost).toEqual([]);
  });
});
