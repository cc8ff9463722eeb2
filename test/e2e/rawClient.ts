/**
 * A sync client outside the browser: a plain @hocuspocus/provider on Node's
 * WebSocket, holding a member token taken from a browser context. Specs use it
 * to look at what the server really has (or refuses), independent of the UI.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { rosterDocName, teamDocName } from '../../src/model/docName.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { type RosterSnapshot, readRoster } from '../../src/model/roster.ts';
import { readTeam, type TeamSnapshot } from '../../src/model/teamDoc.ts';

export interface RawTeamClient {
  doc: Y.Doc;
  /** Reasons the server gave for refusing authentication, in order. */
  denials: string[];
  /** Resolves once the server's state of the document has been received. */
  whenSynced: Promise<void>;
  team(): TeamSnapshot;
  destroy(): void;
}

/** Opens the team document on the server at `serverUrl` (http://…) with `token`. */
export function openRawTeamDoc(serverUrl: string, teamId: string, token: string): RawTeamClient {
  const client = openRawDoc(serverUrl, teamDocName(teamId as TeamId), token);
  return { ...client, team: () => readTeam(client.doc) };
}

export type RawDocClient = Omit<RawTeamClient, 'team'>;

/** Opens the team's roster (members and deleted cycles, written by the server) with `token`. */
export function openRawRoster(
  serverUrl: string,
  teamId: string,
  token: string,
): RawDocClient & { roster(): RosterSnapshot } {
  const client = openRawDoc(serverUrl, rosterDocName(teamId as TeamId), token);
  return { ...client, roster: () => readRoster(client.doc) };
}

/** Opens any document (`<teamId>` or `<teamId>/<docId>`) on the server with `token`. */
export function openRawDoc(serverUrl: string, name: string, token: string): RawDocClient {
  const url = new URL('/sync', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new HocuspocusProviderWebsocket({
    url: url.href,
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
    jitter: false,
  });
  const doc = new Y.Doc();
  const denials: string[] = [];
  let synced: () => void = () => {};
  const whenSynced = new Promise<void>((resolvePromise) => {
    synced = resolvePromise;
  });
  const provider = new HocuspocusProvider({
    name,
    document: doc,
    token,
    websocketProvider: socket,
    onSynced: ({ state }) => {
      if (state) synced();
    },
    onAuthenticationFailed: ({ reason }) => {
      denials.push(reason);
    },
  });
  provider.attach();
  return {
    doc,
    denials,
    whenSynced,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
