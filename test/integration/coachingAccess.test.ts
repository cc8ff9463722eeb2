import { describe, expect, it } from 'vitest';
import { newMemberId } from '../../src/model/ids.ts';
import {
  api,
  createInvite,
  createTeam,
  isSettled,
  joinTeam,
  type Membership,
  newProvider,
  startTestServer,
  type TestProvider,
  waitFor,
} from './helpers.ts';

/**
 * Issue 14 point 1: who may open a coaching track's documents. Only the coach
 * and the coachee open `sharedDoc`, only the coach `coachDoc`; a third member,
 * the facilitator, a guest, a member of another team, a removed party and
 * anyone after the track's deletion are refused.
 */

async function team(url: string) {
  const facilitator = await createTeam(url, { displayName: 'Fenna' });
  const join = async (name: string, role = 'teacher') =>
    joinTeam(url, (await createInvite(url, facilitator, { role })).code, name);
  return {
    facilitator,
    coach: await join('Cor'),
    coachee: await join('Cees'),
    third: await join('Dirk'),
    guest: await join('Gijs', 'guest'),
  };
}

async function startTrack(url: string, coach: Membership, coachee: Membership) {
  const response = await api(url, 'POST', `/api/teams/${coach.teamId}/coaching-tracks`, {
    token: coach.token,
    body: { coacheeId: coachee.memberId },
  });
  expect(response.status).toBe(201);
  return response.body as { trackId: string; sharedDoc: string; coachDoc: string };
}

/** Opens a document and resolves once it is either synced or refused. */
async function open(wsUrl: string, member: Membership, name: string): Promise<TestProvider> {
  const client = newProvider(wsUrl, { name, token: member.token });
  await waitFor(() => expect(isSettled(client) || client.denials.length > 0).toBe(true));
  return client;
}

async function expectRefused(wsUrl: string, member: Membership, name: string, reason: string) {
  const client = await open(wsUrl, member, name);
  expect(client.denials).toContain(reason);
  expect(client.provider.isSynced).toBe(false);
  client.destroy();
}

describe('coaching tracks: the API', () => {
  it('creates, lists and deletes a track with the exact shapes other tools rely on', async () => {
    const { url } = await startTestServer();
    const { coach, coachee, third } = await team(url);
    const track = await startTrack(url, coach, coachee);
    expect(track.sharedDoc).toMatch(new RegExp(`^${coach.teamId}/[A-Za-z0-9_-]+$`));
    expect(track.coachDoc).toMatch(new RegExp(`^${coach.teamId}/[A-Za-z0-9_-]+$`));
    expect(track.coachDoc).not.toBe(track.sharedDoc);

    const path = `/api/teams/${coach.teamId}/coaching-tracks`;
    const mine = await api(url, 'GET', path, { token: coach.token });
    expect(mine.body.tracks).toEqual([
      expect.objectContaining({
        trackId: track.trackId,
        role: 'coach',
        coacheeId: coachee.memberId,
        sharedDoc: track.sharedDoc,
        coachDoc: track.coachDoc,
      }),
    ]);
    const theirs = await api(url, 'GET', path, { token: coachee.token });
    expect(theirs.body.tracks).toEqual([
      expect.objectContaining({ role: 'coachee', sharedDoc: track.sharedDoc, coachDoc: null }),
    ]);
    expect((await api(url, 'GET', path, { token: third.token })).body.tracks).toEqual([]);

    // Only the coach deletes; to anyone else outside the track it does not exist.
    const byCoachee = await api(url, 'DELETE', `${path}/${track.trackId}`, {
      token: coachee.token,
    });
    expect(byCoachee.status).toBe(403);
    const byThird = await api(url, 'DELETE', `${path}/${track.trackId}`, { token: third.token });
    expect(byThird.status).toBe(404);
    const deleted = await api(url, 'DELETE', `${path}/${track.trackId}`, { token: coach.token });
    expect(deleted.status).toBe(204);
    expect((await api(url, 'GET', path, { token: coach.token })).body.tracks).toEqual([]);
  });

  it('refuses guests as coach or coachee, oneself, and unknown members', async () => {
    const { url } = await startTestServer();
    const { facilitator, coach, guest } = await team(url);
    const path = `/api/teams/${coach.teamId}/coaching-tracks`;
    const post = (who: Membership, coacheeId: string) =>
      api(url, 'POST', path, { token: who.token, body: { coacheeId } });
    expect((await post(guest, coach.memberId)).status).toBe(403);
    expect((await post(coach, guest.memberId)).status).toBe(409);
    expect((await post(coach, coach.memberId)).status).toBe(400);
    expect((await post(coach, newMemberId())).status).toBe(404);
    expect((await post(coach, 'not an id')).status).toBe(400);
    // A facilitator may coach like anyone who is not a guest.
    expect((await post(facilitator, coach.memberId)).status).toBe(201);
  });
});

describe('coaching tracks: who may open their documents', () => {
  it('lets the coach open both, the coachee the shared one, and refuses everyone else', async () => {
    const { url, wsUrl } = await startTestServer();
    const { facilitator, coach, coachee, third, guest } = await team(url);
    const other = await createTeam(url, { displayName: 'Olga' });
    const { sharedDoc, coachDoc } = await startTrack(url, coach, coachee);

    for (const name of [sharedDoc, coachDoc]) {
      const client = await open(wsUrl, coach, name);
      expect(client.denials).toEqual([]);
    }
    expect((await open(wsUrl, coachee, sharedDoc)).denials).toEqual([]);
    await expectRefused(wsUrl, coachee, coachDoc, 'not-in-track');
    for (const name of [sharedDoc, coachDoc]) {
      await expectRefused(wsUrl, third, name, 'not-in-track');
      await expectRefused(wsUrl, facilitator, name, 'not-in-track');
      await expectRefused(wsUrl, guest, name, 'not-in-track');
      await expectRefused(wsUrl, other, name, 'wrong-team');
    }
  });

  it('never lets a note of the coach’s document reach the coachee’s copy of the shared one', async () => {
    const { url, wsUrl } = await startTestServer();
    const { coach, coachee } = await team(url);
    const { sharedDoc, coachDoc } = await startTrack(url, coach, coachee);
    const privateNotes = await open(wsUrl, coach, coachDoc);
    const coachShared = await open(wsUrl, coach, sharedDoc);
    const coacheeShared = await open(wsUrl, coachee, sharedDoc);
    privateNotes.doc.getMap('prep').set('note', 'Lijkt onzeker bij de instructie');
    coachShared.doc.getMap('summary').set('text', 'Sterk: duidelijke start');
    await waitFor(() => {
      expect(isSettled(privateNotes) && isSettled(coachShared)).toBe(true);
      expect(coacheeShared.doc.getMap('summary').get('text')).toBe('Sterk: duidelijke start');
    });
    const everything = JSON.stringify(coacheeShared.doc.toJSON());
    expect(everything).not.toContain('onzeker');
    expect(coacheeShared.doc.share.has('prep')).toBe(false);
  });

  it('refuses a removed coachee, a removed coach, and everyone after deletion', async () => {
    const { url, wsUrl } = await startTestServer();
    const { facilitator, coach, coachee, third } = await team(url);
    const path = `/api/teams/${coach.teamId}/coaching-tracks`;
    const first = await startTrack(url, coach, coachee);
    const second = await startTrack(url, third, coach);

    // The coachee is removed while connected: the socket closes and stays refused.
    const coacheeClient = await open(wsUrl, coachee, first.sharedDoc);
    expect(coacheeClient.denials).toEqual([]);
    const removeCoachee = await api(
      url,
      'DELETE',
      `/api/teams/${coach.teamId}/members/${coachee.memberId}`,
      { token: facilitator.token },
    );
    expect(removeCoachee.status).toBe(204);
    await waitFor(() => expect(coacheeClient.denials).toContain('token-invalid'));
    await expectRefused(wsUrl, coachee, first.sharedDoc, 'token-invalid');

    // The coach of the first track (coachee of the second) leaves the team.
    const leave = await api(url, 'DELETE', `/api/teams/${coach.teamId}/members/${coach.memberId}`, {
      token: coach.token,
    });
    expect(leave.status).toBe(204);
    for (const name of [first.sharedDoc, first.coachDoc, second.sharedDoc])
      await expectRefused(wsUrl, coach, name, 'token-invalid');

    // The second track's coach deletes it: refused to everyone as deleted, even to the coach.
    const thirdClient = await open(wsUrl, third, second.coachDoc);
    thirdClient.doc.getMap('prep').set('note', 'Voorbereiding');
    await waitFor(() => expect(isSettled(thirdClient)).toBe(true));
    const deleted = await api(url, 'DELETE', `${path}/${second.trackId}`, { token: third.token });
    expect(deleted.status).toBe(204);
    await waitFor(() => expect(thirdClient.denials).toContain('document-deleted'));
    for (const name of [second.sharedDoc, second.coachDoc]) {
      await expectRefused(wsUrl, third, name, 'document-deleted');
      await expectRefused(wsUrl, facilitator, name, 'document-deleted');
    }
  });

  it('keeps tracks out of the roster’s deleted cycles', async () => {
    const { url, wsUrl } = await startTestServer();
    const { coach, coachee } = await team(url);
    const track = await startTrack(url, coach, coachee);
    await api(url, 'DELETE', `/api/teams/${coach.teamId}/coaching-tracks/${track.trackId}`, {
      token: coach.token,
    });
    const roster = await open(wsUrl, coachee, `${coach.teamId}/0000000000000000`);
    expect(roster.doc.getMap('deletedCycles').size).toBe(0);
  });

  it('lets the coachee leave: their open connection and every later one is refused, the coach keeps the track', async () => {
    const { url, wsUrl } = await startTestServer();
    const { coach, coachee } = await team(url);
    const path = `/api/teams/${coach.teamId}/coaching-tracks`;
    const track = await startTrack(url, coach, coachee);
    const coacheeClient = await open(wsUrl, coachee, track.sharedDoc);
    expect(coacheeClient.denials).toEqual([]);
    const byCoach = await api(url, 'POST', `${path}/${track.trackId}/leave`, {
      token: coach.token,
    });
    expect(byCoach.status).toBe(403);
    const left = await api(url, 'POST', `${path}/${track.trackId}/leave`, { token: coachee.token });
    expect(left.status).toBe(204);
    await waitFor(() => expect(coacheeClient.denials).toContain('not-in-track'));
    await expectRefused(wsUrl, coachee, track.sharedDoc, 'not-in-track');
    expect((await api(url, 'GET', path, { token: coachee.token })).body.tracks).toEqual([]);
    const coachView = await api(url, 'GET', path, { token: coach.token });
    expect(coachView.body.tracks[0].coacheeLeftAt).not.toBeNull();
    expect((await open(wsUrl, coach, track.sharedDoc)).denials).toEqual([]);
  });

  it('ends a member’s tracks when they delete their account', async () => {
    const { url, wsUrl } = await startTestServer();
    const { coach, coachee, third } = await team(url);
    const coached = await startTrack(url, coach, coachee);
    const coaching = await startTrack(url, coachee, third);
    const erased = await api(url, 'DELETE', `/api/teams/${coach.teamId}/me`, {
      token: coachee.token,
    });
    expect(erased.status).toBe(204);
    // The track they were coached in is left; the one they coached is gone for everyone.
    expect((await open(wsUrl, coach, coached.sharedDoc)).denials).toEqual([]);
    await expectRefused(wsUrl, third, coaching.sharedDoc, 'document-deleted');
  });
});
