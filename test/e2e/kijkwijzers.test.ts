/**
 * Issue 6, "Kijkwijzers": the team's kijkwijzer library in a real browser.
 * A facilitator adds a built-in kijkwijzer, views it, exports it as a file and
 * imports that file back; a broken file is refused with a translated reason
 * that names the place in words. A guest sees the library read-only, and the
 * colleague's device receives the kijkwijzers through sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { BUILT_IN_TEMPLATE_KEYS } from '../../src/model/builtInTemplates.ts';
import type { Stage } from './harness.ts';
import { startStage } from './harness.ts';
import { JoinPage, message, teamOfTwo } from './pages.ts';

const EDI = templatesNl.edi;
const UI = nl.templatesUi;

describe('issue 6: a team keeps, shares and imports its kijkwijzers', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await startStage();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('a facilitator adds, views, exports and imports kijkwijzers; a colleague receives them and a guest only reads them', async () => {
    // shows a new team’s empty library from the team page, with the five built-in kijkwijzers on offer
    const { anna, bram, annaTeam, bramTeam } = await teamOfTwo(stage, 'Rekenen groep 5');
    const annaLibrary = await annaTeam.openKijkwijzers();
    await annaLibrary.emptyState().waitFor();
    expect(await annaLibrary.builtInNames()).toEqual(
      BUILT_IN_TEMPLATE_KEYS.map((key) => templatesNl[key].name),
    );
    expect(BUILT_IN_TEMPLATE_KEYS).toHaveLength(5);

    // The colleague keeps the page open: what Anna adds must arrive without a reload.
    const bramLibrary = await bramTeam.openKijkwijzers();
    await bramLibrary.emptyState().waitFor();

    // adds the EDI kijkwijzer to the team and shows its sections and items
    await annaLibrary.addBuiltIn(EDI.name);
    await expect.poll(() => annaLibrary.names()).toEqual([EDI.name]);
    await annaLibrary.builtIn(EDI.name).getByText(UI.builtIns.inTeam, { exact: true }).waitFor();
    expect(await annaLibrary.emptyState().count()).toBe(0);

    const viewer = await annaLibrary.view(EDI.name);
    const sectionTitles = await viewer.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(sectionTitles).toEqual(Object.values(EDI.sections));
    for (const item of [EDI.items.goalShown, EDI.items.priorKnowledge]) {
      await viewer.getByText(item?.label ?? '', { exact: true }).waitFor();
    }
    expect(await viewer.locator('.template-item').count()).toBeGreaterThan(sectionTitles.length);

    // exports a kijkwijzer as a leskring-kijkwijzer JSON file
    const exported = await annaLibrary.export(EDI.name);
    expect(exported.name).toBe('edi-kijkwijzer-v1.json');
    const parsed = JSON.parse(exported.text) as {
      format: string;
      formatVersion: number;
      template: { name: string; version: number; sections: { title: string }[] };
    };
    expect(parsed.format).toBe('leskring-kijkwijzer');
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.template.name).toBe(EDI.name);
    expect(parsed.template.version).toBe(1);
    expect(parsed.template.sections.map((section) => section.title)).toEqual(
      Object.values(EDI.sections),
    );

    // imports an exported file back as a second kijkwijzer
    await annaLibrary.importFile(exported);
    await annaLibrary.shell.toast(message(UI.import.done, { name: EDI.name })).waitFor();
    await expect.poll(() => annaLibrary.names()).toEqual([EDI.name, EDI.name]);
    // The copy is the team's own: not marked as built-in.
    expect(
      await annaLibrary.rowsNamed(EDI.name).getByText(UI.summary.builtIn, { exact: true }).count(),
    ).toBe(1);

    // refuses a broken file with a translated reason naming the place in words, and adds nothing
    const broken = JSON.parse(exported.text) as {
      template: { sections: { items: { kind: string }[] }[] };
    };
    const firstItem = broken.template.sections[0]?.items[0];
    if (!firstItem) throw new Error('the exported kijkwijzer has no items');
    firstItem.kind = 'xyz';
    const file = { name: 'kapot.json', text: JSON.stringify(broken) };

    await annaLibrary.importFile(file);
    const failure = annaLibrary.importFailure(file.name);
    await failure.waitFor();
    const place = [
      message(UI.path.sections, { n: 1 }),
      message(UI.path.items, { n: 1 }),
      UI.path.fields.kind,
    ].join(' › ');
    expect(await failure.textContent()).toContain(
      message(nl.errors.import['invalid-field'], { path: place }),
    );
    expect(await annaLibrary.names()).toEqual([EDI.name, EDI.name]);

    // lets a guest see the library but not add, import, duplicate or archive
    const teamId = annaTeam.teamId();
    const invite = await annaTeam.goto(teamId).then((team) => team.createInvite({ role: 'guest' }));
    const guest = await stage.teacher();
    const guestTeam = await new JoinPage(guest.page)
      .open(invite.link)
      .then((join) => join.join('Gijs'));
    const guestLibrary = await guestTeam.openKijkwijzers();

    await expect
      .poll(() => guestLibrary.names(), { timeout: 15_000 })
      .toEqual([EDI.name, EDI.name]);
    await guestLibrary.readOnlyNotice().waitFor();
    const buttons = await guestLibrary.visibleButtons();
    for (const forbidden of [
      UI.builtIns.add,
      UI.import.button,
      UI.actions.duplicate,
      UI.actions.archive,
      UI.actions.edit,
    ]) {
      expect(buttons, `a guest should not see "${forbidden}"`).not.toContain(forbidden);
    }
    expect(buttons).toContain(UI.actions.view);
    expect(buttons).toContain(UI.actions.export);
    expect(await guest.page.getByTestId('template-import-input').count()).toBe(0);
    expect(await guestLibrary.builtIns.count()).toBe(0);

    // shows the added and imported kijkwijzers on the colleague’s open page through sync
    await expect.poll(() => bramLibrary.names(), { timeout: 15_000 }).toEqual([EDI.name, EDI.name]);
    await bramLibrary.builtIn(EDI.name).getByText(UI.builtIns.inTeam, { exact: true }).waitFor();
    const bramViewer = await bramLibrary.view(EDI.name);
    expect(await bramViewer.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(
      Object.values(EDI.sections),
    );

    // logs no error on any of the devices along the way
    expect([...anna.errors, ...bram.errors, ...guest.errors]).toEqual([]);
  });
});
