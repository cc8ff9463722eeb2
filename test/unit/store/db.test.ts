import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, db, onDatabaseVersionChange } from '../../../src/store/db.ts';

describe('db', () => {
  it('declares the version 1 tables, the version 2 pupilNames and the version 3 photos tables', async () => {
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
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
    expect(db.photos.schema.indexes.map((i) => i.name).sort()).toEqual(['cycleId', 'status']);
  });

  it('tells the app when another tab upgrades the database, and closes this connection', async () => {
    await db.open();
    const listener = vi.fn();
    const unsubscribe = onDatabaseVersionChange(listener);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const newer = new Dexie(DB_NAME);
    newer.version(4).stores({
      memberships: 'teamId',
      settings: 'key',
      localInvites: 'inviteId, teamId, code',
      pupilNames: '[cycleId+casePupilId], cycleId',
      photos: '[teamId+hash], status, cycleId',
    });
    await newer.open();

    expect(listener).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    unsubscribe();
    newer.close();
    warn.mockRestore();
  });
});
