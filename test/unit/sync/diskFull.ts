import { vi } from 'vitest';

/**
 * Makes the next `times` read-write IndexedDB transactions fail as on a full
 * disk (QuotaExceededError), then lets them through again. Restored by
 * `vi.restoreAllMocks()`.
 */
export function failNextWrites(times: number): void {
  const original = IDBDatabase.prototype.transaction;
  let failures = times;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    if (args[1] === 'readwrite' && failures > 0) {
      failures -= 1;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return original.apply(this, args);
  });
}

/**
 * Makes the next `times` object-store writes (`put`/`add`) fail as on a full
 * disk, whatever library issues them (Dexie or the document store). Restored
 * by `vi.restoreAllMocks()`.
 */
export function failNextStoreWrites(times: number): void {
  let failures = times;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (failures > 0) {
        failures -= 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    });
  }
}
