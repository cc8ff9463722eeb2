import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { type Stage, startStage } from './harness.ts';
import { HomePage, JoinPage, message } from './pages.ts';

/** Reads the QR image of the invite card back into text, the way a phone camera would. */
async function decodeInviteQr(page: Page): Promise<string | null> {
  const img = page.getByRole('img', { name: nl.team.invites.qrAlt });
  await img.waitFor();
  const pixels = await img.evaluate(async (element) => {
    const image = element as HTMLImageElement;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, data: Array.from(data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  return decoded?.data ?? null;
}

describe('team and invite journey', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await startStage();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('creates a team, shows its invite as link, QR image and code, lets a colleague join with the link, and shows both online and a rename on both devices', async () => {
    // creates a team in Dutch and shows an invite as link with the code in the fragment, QR image and short code
    const anna = await stage.teacher();
    const bram = await stage.teacher();
    const home = await new HomePage(anna.page).goto();
    expect(await anna.page.evaluate(() => document.documentElement.lang)).toBe('nl');
    const annaTeam = await home.createTeam({ teamName: 'Rekenen groep 6', displayName: 'Anna' });
    await annaTeam.shell.waitForConnection('online');

    const shown = await annaTeam.createInvite();
    expect(shown.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const link = new URL(shown.link);
    expect(link.pathname).toBe('/join');
    expect(link.hash).toBe(`#${shown.code}`);
    expect(link.search).toBe('');
    expect(await decodeInviteQr(anna.page)).toBe(shown.link);

    // lets a colleague open the link on another device, see the team in the preview and join
    const invite = await annaTeam.createInvite();
    const join = await new JoinPage(bram.page).open(invite.link);
    await join
      .invitation()
      .filter({
        hasText: message(nl.join.invitedTo, { team: 'Rekenen groep 6', role: nl.roles.teacher }),
      })
      .waitFor();
    // The secret leaves the address bar once it is read.
    expect(new URL(bram.page.url()).hash).toBe('');

    const bramTeam = await join.join('Bram');
    expect(bramTeam.teamId()).toBe(annaTeam.teamId());
    await bramTeam.waitForTeamName('Rekenen groep 6');
    await bramTeam.shell.waitForConnection('online');

    // shows both members, both online, on both devices
    for (const team of [annaTeam, bramTeam]) {
      await team.waitForMembers(['Anna', 'Bram']);
      await team.onlineDot('Anna').waitFor();
      await team.onlineDot('Bram').waitFor();
    }
    expect(await annaTeam.memberRole('Bram')).toBe(nl.roles.teacher);
    expect(await bramTeam.memberRole('Anna')).toBe(nl.roles.facilitator);

    // shows a rename by the facilitator on the colleague’s device
    await annaTeam.rename('Rekenen groep 6 en 7');
    await bramTeam.waitForTeamName('Rekenen groep 6 en 7');
  });

  it('joins with a typed single-use code, and refuses that code a second time with a translated error', async () => {
    const anna = await stage.teacher();
    const annaTeam = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 6', displayName: 'Anna' }));
    await annaTeam.shell.waitForConnection('online');
    const invite = await annaTeam.createInvite({ singleUse: true });
    const carla = await stage.teacher();
    const home = await new HomePage(carla.page).goto();
    const join = await home.enterInvite(invite.code.toLowerCase().replace('-', ' '));
    await join.invitation().waitFor();
    const carlaTeam = await join.join('Carla');
    expect(carlaTeam.teamId()).toBe(annaTeam.teamId());
    await annaTeam.waitForMembers(['Anna', 'Carla']);

    const dirk = await stage.teacher();
    const again = await new HomePage(dirk.page).goto();
    const refused = await again.enterInvite(invite.code);
    await refused.failure().filter({ hasText: nl.errors.api.invite_revoked }).waitFor();
    await expect(
      dirk.page.getByRole('textbox', { name: nl.join.displayName }).count(),
    ).resolves.toBe(0);
    // Only the refused request itself is logged; the app does not crash or log an error of its own.
    expect(dirk.errors).toEqual([expect.stringContaining('status of 410')]);
  });
});
