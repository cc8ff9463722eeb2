import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { isRosterDocName, parseDocName, rosterDocName } from '../../src/model/docName.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { type RosterState, writeRoster } from '../../src/model/roster.ts';
import type { Database } from '../db/database.ts';
import type { RosterWriter } from '../services/deps.ts';
import { readRosterState } from '../services/roster.ts';
import type { Persistence } from './persistence.ts';
import { writeDocument } from './teamDocWriter.ts';

/** Origin of the roster rebuild done while the document loads. */
const REBUILD_ORIGIN = { source: 'local', context: { server: true } } as const;

/**
 * Keeps every roster document (src/model/roster.ts) derived from the
 * database. Clients only ever read it (server/sync/auth.ts makes their
 * connections read-only); the server rebuilds it each time it is loaded, so a
 * team that never had one (created before the roster existed) gets one on
 * first use, and whatever the stored copy says is corrected.
 *
 * The rebuild runs in afterLoadDocument and must come after the persistence
 * extension: by then the stored state is applied (the rebuild writes only the
 * differences on top of it, so it always wins over older entries) and the
 * persistence's update listener is registered (the rebuild is stored like any
 * other update). Hocuspocus finishes loading before any client syncs.
 */
export function rosterExtension(db: Database): Extension {
  return {
    extensionName: 'leskring-roster',
    async afterLoadDocument({ document, documentName }) {
      if (!isRosterDocName(documentName)) return;
      const ref = parseDocName(documentName);
      if (!ref) return;
      writeRoster(document, await readRosterState(db, ref.teamId), REBUILD_ORIGIN);
    },
  };
}

/**
 * Refreshes a team's roster after a change to its members or deleted cycles,
 * through a direct connection (connected members get it at once). The state
 * is read from the database before the write, and a team's refreshes run one
 * after another, so each reads after the previous one wrote and the last
 * write is always of the latest state.
 */
export function rosterWriter(
  hocuspocus: Hocuspocus,
  store: Pick<Persistence, 'stored'>,
  db: Database,
  log: (line: string) => void,
): RosterWriter {
  const queues = new Map<TeamId, Promise<void>>();
  const refreshNow = async (teamId: TeamId): Promise<void> => {
    let state: RosterState;
    try {
      state = await readRosterState(db, teamId);
    } catch (error) {
      log(`could not read the roster of team ${teamId}: ${String(error)}`);
      return;
    }
    await writeDocument(
      hocuspocus,
      store,
      rosterDocName(teamId),
      (doc) => writeRoster(doc, state),
      log,
    );
  };
  return {
    refresh: (teamId: TeamId) => {
      // Neither step rejects (failures are logged), so the queue never breaks.
      const next = (queues.get(teamId) ?? Promise.resolve()).then(() => refreshNow(teamId));
      queues.set(teamId, next);
      void next.then(() => {
        if (queues.get(teamId) === next) queues.delete(teamId);
      });
      return next;
    },
  };
}
