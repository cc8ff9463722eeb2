import { afterEach, describe, expect, it } from 'vitest';
import { newMemberId, newTeamId } from '../../../src/model/ids.ts';
import {
  ApiError,
  createInvite,
  createTeam,
  health,
  join,
  removeMember,
} from '../../../src/sync/api.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';
import { fakeApi, json, offline } from './fakeServer.ts';

const teamId = newTeamId();
const memberId = newMemberId();
const membership = {
  teamId,
  memberId,
  token: 'tok',
  role: 'facilitator',
  teamName: 'PLG',
  displayName: 'Anna',
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('api client', () => {
  afterEach(() => configureServer({}));

  it('sends the body and returns the validated response', async () => {
    const { requests } = fakeApi(() => json(201, membership));
    const result = await createTeam({ name: 'PLG', displayName: 'Anna', teamId, memberId });
    expect(result).toEqual(membership);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/teams',
      body: { name: 'PLG', displayName: 'Anna', teamId, memberId },
    });
  });

  it('sends the bearer token to authenticated paths', async () => {
    const { requests } = fakeApi(() => new Response(null, { status: 204 }));
    await removeMember(teamId, 'secret', memberId);
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.path).toBe(`/api/teams/${teamId}/members/${memberId}`);
    expect(requests[0]?.headers.authorization).toBe('Bearer secret');
  });

  it('maps an error body to its code and status', async () => {
    fakeApi(() => json(410, { error: { code: 'invite_expired', message: 'expired' } }));
    const error = await failure(join('ABCDEFGHJK', 'Anna'));
    expect(error.code).toBe('invite_expired');
    expect(error.status).toBe(410);
  });

  it('maps a failed fetch to network', async () => {
    fakeApi(offline);
    const error = await failure(health());
    expect(error.code).toBe('network');
    expect(error.status).toBeNull();
  });

  it('maps a gateway error without a body to network', async () => {
    fakeApi(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect((await failure(health())).code).toBe('network');
  });

  it('maps an unknown error body to bad_response', async () => {
    fakeApi(() => json(400, { error: { code: 'nonsense' } }));
    const error = await failure(health());
    expect(error.code).toBe('bad_response');
    expect(error.status).toBe(400);
  });

  it('rejects a success body that does not match the schema as bad_response', async () => {
    fakeApi(() => json(201, { ...membership, role: 'king' }));
    expect((await failure(createInvite(teamId, 'tok'))).code).toBe('bad_response');
    fakeApi(() => new Response('not json', { status: 200 }));
    expect((await failure(health())).code).toBe('bad_response');
  });

  it('gives up after the timeout with network', async () => {
    fakeApi(() => new Promise<Response>(() => {}));
    configureServer({
      apiBase: 'http://api.test',
      requestTimeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const error = await failure(health());
    expect(error.code).toBe('network');
  });
});
