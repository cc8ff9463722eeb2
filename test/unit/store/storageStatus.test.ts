import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isStorageLow,
  readStorageStatus,
  requestPersistentStorage,
} from '../../../src/store/storageStatus.ts';

const MB = 1024 * 1024;

function stubStorage(storage: Partial<StorageManager> | undefined): void {
  vi.stubGlobal('navigator', storage === undefined ? {} : { storage });
}

describe('storageStatus', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports persistence, usage and quota', async () => {
    stubStorage({
      persisted: async () => true,
      estimate: async () => ({ usage: 10 * MB, quota: 2000 * MB }),
    });
    expect(await readStorageStatus()).toEqual({
      persisted: true,
      usage: 10 * MB,
      quota: 2000 * MB,
      low: false,
    });
  });

  it('reports unknowns as null when the API is missing', async () => {
    stubStorage(undefined);
    expect(await readStorageStatus()).toEqual({
      persisted: null,
      usage: null,
      quota: null,
      low: false,
    });
  });

  it('calls storage low under 200 MB free or over 80% used', () => {
    expect(isStorageLow(0, 150 * MB)).toBe(true);
    expect(isStorageLow(850 * MB, 1000 * MB * 10)).toBe(false);
    expect(isStorageLow(8100 * MB, 10000 * MB)).toBe(true);
    expect(isStorageLow(100 * MB, 10000 * MB)).toBe(false);
    expect(isStorageLow(null, 100)).toBe(false);
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => false);
    stubStorage({ persisted: async () => true, persist });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it("returns the browser's answer to persist()", async () => {
    stubStorage({ persisted: async () => false, persist: async () => true });
    expect(await requestPersistentStorage()).toBe(true);
    stubStorage({ persisted: async () => false, persist: async () => false });
    expect(await requestPersistentStorage()).toBe(false);
  });

  it('returns false when unsupported', async () => {
    stubStorage(undefined);
    expect(await requestPersistentStorage()).toBe(false);
  });
});
