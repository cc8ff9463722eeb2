import type { DatabaseSync } from 'node:sqlite';
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { isRosterDocName, parseDocName, rosterDocName } from '../../src/model/docName.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { writeRoster } from '../../src/model/roster.ts';
import type { RosterWriter } from '../services/deps.ts';
import { readRosterState } from '../services/roster.ts';
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
export function rosterExtension(db: DatabaseSync): Extension {
  return {
    extensionName: 'leskring-roster',
    async afterLoadDocument({ document, documentName }) {
      if (!isRosterDocName(documentName)) return;
      const ref = parseDocName(documentName);
      if (!ref) return;
      writeRoster(document, readRosterState(db, ref.teamId), REBUILD_ORIGIN);
    },
  };
}

/**
 * Refreshes a team's roster after a change to its members or deleted cycles,
 * through a direct connection (connected members get it at once). The state
 * is read from the database inside the write, so concurrent refreshes can
 * only ever write the latest state.
 */
export function rosterWriter(
  hocuspocus: Hocuspocus,
  db: DatabaseSync,
  log: (line: string) => void,
): RosterWriter {
  return {
    refresh: (teamId: TeamId) =>
      writeDocument(
        hocuspocus,
        rosterDocName(teamId),
        (doc) => writeRoster(doc, readRosterState(db, teamId)),
        log,
      ),
  };
}
