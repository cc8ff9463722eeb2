import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, db, onDatabaseVersionChange } from '../../../src/store/db.ts';

describe('db', () => {
  it('declares the tables of versions 1–5 (pupilNames, photos, eventJournal, photo cycles)', async () => {
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'eventJournal',
      'localInvites',
      'memberships',
      'photos',
      'pupilNames',
      'settings',
    ]);
    expect(db.localInvites.schema.indexes.map((i) => i.name)).toEqual(['teamId']);
    expect(db.pupilNames.schema.primKey.keyPath).toEqual(['cycleId', 'casePupilId']);
    expect(db.pupilNames.schema.indexes.map((i) => i.name)).toEqual(['cycleId']);
    expect(db.photos.schema.primKey.keyPath).toEqual(['teamId', 'hash']);
    expect(db.photos.schema.indexes.map((i) => i.name).sort()).toEqual(['cycleIds', 'status']);
    expect(db.eventJournal.schema.primKey.keyPath).toBe('id');
    expect(db.eventJournal.schema.indexes.map((i) => i.name)).toEqual(['docName']);
  });

  it('tells the app when another tab upgrades the database, and closes this connection', async () => {
    await db.open();
    const listener = vi.fn();
    const unsubscribe = onDatabaseVersionChange(listener);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const newer = new Dexie(DB_NAME);
    newer.version(6).stores({
      memberships: 'teamId',
      settings: 'key',
      localInvites: 'inviteId, teamId, code',
      pupilNames: '[cycleId+casePupilId], cycleId',
      photos: '[teamId+hash], status, *cycleIds',
      eventJournal: 'id, docName',
    });
    await newer.open();

    expect(listener).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    unsubscribe();
    newer.close();
    warn.mockRestore();
  });
});
