import Dexie, { type EntityTable, type Table } from 'dexie';
import type { JournalEntry } from './eventJournal.ts';
import type { LocalInvite } from './localInvites.ts';
import type { LocalMembership } from './memberships.ts';
import type { PhotoRecord } from './photos.ts';
import type { PupilNameRecord } from './pupilNames.ts';

/**
 * The device-local Dexie database: this device's memberships and tokens,
 * settings and the invites it created. Shared data lives in Y.Docs (src/sync),
 * never here.
 *
 * Schema history — a released version is never edited; add `version(n + 1)`
 * with an `upgrade` instead:
 *   1  memberships (teamId), settings (key), localInvites (inviteId, teamId)
 *   2  + pupilNames ([cycleId+casePupilId], cycleId): real names of case pupils,
 *      typed on this device only and never synced
 *   3  + photos ([teamId+hash], status, cycleId): photos of pupil work with their
 *      upload state, taken here or downloaded from the team (issue 6 point 5)
 *   4  + eventJournal (id, docName): observation taps journalled by earlier
 *      versions; nothing writes it any more, and a cycle's entries are put back
 *      into its document when it opens, then dropped
 *   5  photos: `cycleId` becomes `cycleIds` (multiEntry index) + `uploadedCycleIds`:
 *      a photo used in several cycles is uploaded once per cycle, because the
 *      server deletes a file only when no cycle links it any more (deleting a
 *      cycle deletes its photos); existing records keep their one cycle, confirmed
 *      if they were uploaded
 */
export type SettingRecord = { readonly key: string; readonly value: unknown };

export type LeskringDb = Dexie & {
  memberships: EntityTable<LocalMembership, 'teamId'>;
  settings: EntityTable<SettingRecord, 'key'>;
  localInvites: EntityTable<LocalInvite, 'inviteId'>;
  pupilNames: Table<PupilNameRecord, [string, string]>;
  photos: Table<PhotoRecord, [string, string]>;
  eventJournal: EntityTable<JournalEntry, 'id'>;
};

export const DB_NAME = 'leskring';

export const db = new Dexie(DB_NAME, { chromeTransactionDurability: 'strict' }) as LeskringDb;

db.version(1).stores({
  memberships: 'teamId',
  settings: 'key',
  localInvites: 'inviteId, teamId',
});

// A new table only: nothing to migrate, the earlier tables are kept as they are.
db.version(2).stores({
  pupilNames: '[cycleId+casePupilId], cycleId',
});

// A new table only, like version 2.
db.version(3).stores({
  photos: '[teamId+hash], status, cycleId',
});

// A new table only, like version 2.
db.version(4).stores({
  eventJournal: 'id, docName',
});

/** A photo record as version 3 and 4 stored it. */
type PhotoRecordV3 = Omit<PhotoRecord, 'cycleIds' | 'uploadedCycleIds'> & {
  cycleId?: string | null;
  cycleIds?: readonly string[];
  uploadedCycleIds?: readonly string[];
};

db.version(5)
  .stores({
    photos: '[teamId+hash], status, *cycleIds',
  })
  .upgrade((tx) =>
    tx
      .table<PhotoRecordV3>('photos')
      .toCollection()
      .modify((record) => {
        const cycleIds = record.cycleId ? [record.cycleId] : [];
        record.cycleIds = cycleIds;
        record.uploadedCycleIds = record.status === 'uploaded' ? cycleIds : [];
        delete record.cycleId;
      }),
  );

type VersionChangeListener = (event: IDBVersionChangeEvent) => void;
const versionChangeListeners = new Set<VersionChangeListener>();

// Dexie's own listener closes this connection so the other tab's upgrade can proceed;
// ours only tells the app, which reloads once nothing is unsynced.
db.on('versionchange', (event) => {
  for (const listener of versionChangeListeners) listener(event);
});

/**
 * Registers the app's reaction to another tab upgrading or deleting the database.
 * The connection is closed regardless; the app should reload when it is safe.
 * Returns an unsubscribe function.
 */
export function onDatabaseVersionChange(listener: VersionChangeListener): () => void {
  versionChangeListeners.add(listener);
  return () => {
    versionChangeListeners.delete(listener);
  };
}
