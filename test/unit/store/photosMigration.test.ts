import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CycleId } from '../../../src/model/cycleTypes.ts';
import type { TeamId } from '../../../src/model/ids.ts';

// Runs in its own file so that the app's database is first created at version 4, as a device
// updated from an earlier release has it.
describe('photos schema, version 5', () => {
  it('turns the one cycle of a stored photo into its cycle list, confirmed if it was uploaded', async () => {
    const old = new Dexie('leskring');
    old.version(4).stores({
      memberships: 'teamId',
      settings: 'key',
      localInvites: 'inviteId, teamId',
      pupilNames: '[cycleId+casePupilId], cycleId',
      photos: '[teamId+hash], status, cycleId',
      eventJournal: 'id, docName',
    });
    const base = {
      teamId: 't',
      type: 'image/png',
      bytes: 3,
      blob: new Blob(['abc']),
      error: null,
      uploadedAt: null,
    };
    await old.table('photos').bulkAdd([
      { ...base, hash: 'a', cycleId: 'c1', status: 'uploaded', origin: 'local', createdAt: '1' },
      { ...base, hash: 'b', cycleId: 'c1', status: 'pending', origin: 'local', createdAt: '2' },
      {
        ...base,
        hash: 'c',
        cycleId: null,
        status: 'uploaded',
        origin: 'downloaded',
        createdAt: '3',
      },
    ]);
    old.close();

    const { db } = await import('../../../src/store/db.ts');
    const { listCyclePhotos, listPendingPhotos } = await import('../../../src/store/photos.ts');
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.photos.schema.indexes.map((i) => i.name).sort()).toEqual(['cycleIds', 'status']);
    const byHash = Object.fromEntries((await db.photos.toArray()).map((r) => [r.hash, r]));
    expect(byHash.a).toMatchObject({ cycleIds: ['c1'], uploadedCycleIds: ['c1'] });
    expect(byHash.b).toMatchObject({ cycleIds: ['c1'], uploadedCycleIds: [] });
    expect(byHash.c).toMatchObject({ cycleIds: [], uploadedCycleIds: [] });
    expect(byHash.a).not.toHaveProperty('cycleId');
    expect(byHash.b?.blob.size).toBe(3);
    expect((await listPendingPhotos()).map((r) => r.hash)).toEqual(['b']);
    expect(
      (await listCyclePhotos('t' as TeamId, 'c1' as CycleId)).map((r) => r.hash).sort(),
    ).toEqual(['a', 'b']);
  });
});
