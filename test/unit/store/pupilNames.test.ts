import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/store/db.ts';
import {
  deletePupilName,
  deletePupilNamesOfCycle,
  getPupilNames,
  MAX_PUPIL_NAME_LENGTH,
  setPupilName,
} from '../../../src/store/pupilNames.ts';

describe('pupilNames', () => {
  beforeEach(async () => {
    await db.pupilNames.clear();
  });

  it('returns no names for a cycle this device never named', async () => {
    expect((await getPupilNames('cycle-a')).size).toBe(0);
  });

  it('keeps a real name per case pupil and cycle', async () => {
    await setPupilName('cycle-a', 'p1', 'Fatima');
    await setPupilName('cycle-a', 'p2', ' Daan ');
    await setPupilName('cycle-b', 'p1', 'Noor');
    expect([...(await getPupilNames('cycle-a'))].sort()).toEqual([
      ['p1', 'Fatima'],
      ['p2', 'Daan'],
    ]);
    expect([...(await getPupilNames('cycle-b'))]).toEqual([['p1', 'Noor']]);
  });

  it('replaces a name and removes it when set blank', async () => {
    await setPupilName('cycle-a', 'p1', 'Fatima');
    await setPupilName('cycle-a', 'p1', 'Fatma');
    expect((await getPupilNames('cycle-a')).get('p1')).toBe('Fatma');
    await setPupilName('cycle-a', 'p1', '   ');
    expect((await getPupilNames('cycle-a')).has('p1')).toBe(false);
  });

  it('cuts overlong names', async () => {
    await setPupilName('cycle-a', 'p1', 'x'.repeat(200));
    expect((await getPupilNames('cycle-a')).get('p1')).toHaveLength(MAX_PUPIL_NAME_LENGTH);
  });

  it('deletes one name or all names of a cycle', async () => {
    await setPupilName('cycle-a', 'p1', 'Fatima');
    await setPupilName('cycle-a', 'p2', 'Daan');
    await setPupilName('cycle-b', 'p1', 'Noor');
    await deletePupilName('cycle-a', 'p1');
    expect([...(await getPupilNames('cycle-a')).keys()]).toEqual(['p2']);
    await deletePupilNamesOfCycle('cycle-a');
    expect((await getPupilNames('cycle-a')).size).toBe(0);
    expect((await getPupilNames('cycle-b')).get('p1')).toBe('Noor');
  });
});
