import { afterEach, describe, expect, it, vi } from 'vitest';
import { teamScopedDocName } from '../../../src/model/docName.ts';
import { newDocId, newTeamId } from '../../../src/model/ids.ts';
import { closeAllDocs, openSession, releaseSession } from '../../../src/sync/docSession.ts';
import { getStorageProblem } from '../../../src/sync/storageProblems.ts';
import { failNextWrites } from './diskFull.ts';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeAllDocs();
});

describe('storage problems reach the app (never a silent failure)', () => {
  it('reports a full disk with the waiting changes, and clears it once they are written', async () => {
    const session = openSession(teamScopedDocName(newTeamId(), newDocId()));
    await session.whenLoaded;
    failNextWrites(1);

    session.doc.getMap('meta').set('title', 'Breuken');
    expect(getStorageProblem()).toEqual({ kind: 'QuotaExceededError', waiting: 1, documents: 1 });
    await session.whenStored();
    expect(getStorageProblem()).toBeNull();
    releaseSession(session);
  });
});
