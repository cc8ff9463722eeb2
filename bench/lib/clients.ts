import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Membership } from '../../src/model/api.ts';

/** POST /api/teams: a new team and its first member (with a token). */
export async function createTeam(
  baseUrl: string,
  body: { name: string; displayName: string; teamId?: string; memberId?: string },
): Promise<Membership> {
  const response = await fetch(new URL('/api/teams', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`POST /api/teams answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Membership;
}

/**
 * A colleague joins a team: the inviter (a facilitator, by token) creates an
 * invite (POST /api/teams/:teamId/invites), the colleague redeems it
 * (POST /api/join) and becomes a member with a token of their own.
 */
export async function joinTeam(
  baseUrl: string,
  invite: { teamId: string; inviterToken: string; displayName: string },
): Promise<Membership> {
  const created = await fetch(new URL(`/api/teams/${invite.teamId}/invites`, baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${invite.inviterToken}`,
    },
    body: JSON.stringify({}),
  });
  if (created.status !== 201) {
    throw new Error(`POST …/invites answered ${created.status}: ${await created.text()}`);
  }
  const { code } = (await created.json()) as { code: string };
  const joined = await fetch(new URL('/api/join', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, displayName: invite.displayName }),
  });
  if (joined.status !== 201) {
    throw new Error(`POST /api/join answered ${joined.status}: ${await joined.text()}`);
  }
  return (await joined.json()) as Membership;
}

export interface SyncClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  destroy(): void;
}

/** Opens a shared socket for several providers (each provider must then be attached). */
export function sharedSocket(syncUrl: string): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({ url: syncUrl });
}

/**
 * A Hocuspocus client on one document, resolved once its first sync is done.
 * With `socket`, the provider rides on that shared socket (the caller destroys
 * the socket); otherwise it opens and owns its own.
 */
export function connectClient(options: {
  syncUrl: string;
  name: string;
  token: string;
  socket?: HocuspocusProviderWebsocket;
  timeoutMs?: number;
}): Promise<SyncClient> {
  const doc = new Y.Doc();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.destroy();
      reject(
        new Error(
          `client on ${options.name} did not sync within ${options.timeoutMs ?? 15_000} ms`,
        ),
      );
    }, options.timeoutMs ?? 15_000);
    const provider = new HocuspocusProvider({
      ...(options.socket ? { websocketProvider: options.socket } : { url: options.syncUrl }),
      name: options.name,
      token: options.token,
      document: doc,
      onSynced() {
        clearTimeout(timer);
        resolve({ doc, provider, destroy: () => provider.destroy() });
      },
      onAuthenticationFailed({ reason }) {
        clearTimeout(timer);
        provider.destroy();
        reject(new Error(`authentication failed for ${options.name}: ${reason}`));
      },
    });
    if (options.socket) provider.attach();
  });
}

/**
 * Resolves with `performance.now()` at the moment `map.get(key) === value`
 * (checked synchronously in the Yjs observer, so the timestamp is not delayed
 * by promise scheduling).
 */
export function whenValue(
  map: Y.Map<unknown>,
  key: string,
  value: unknown,
  timeoutMs: number,
): Promise<number> {
  if (map.get(key) === value) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const observer = () => {
      if (map.get(key) !== value) return;
      const now = performance.now();
      clearTimeout(timer);
      map.unobserve(observer);
      resolve(now);
    };
    const timer = setTimeout(() => {
      map.unobserve(observer);
      reject(new Error(`${key}=${String(value)} did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    map.observe(observer);
  });
}
