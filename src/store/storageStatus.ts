/**
 * How safe this device's storage is: whether the browser promised to keep it
 * (persisted; otherwise it may evict it, Safari after 7 days unused) and how
 * full it is.
 */
export type StorageStatus = {
  /** null when the browser has no StorageManager.persisted(). */
  readonly persisted: boolean | null;
  /** Bytes used, or null when estimate() is missing. */
  readonly usage: number | null;
  readonly quota: number | null;
  /** Less than {@link LOW_FREE_BYTES} free, or more than {@link LOW_USAGE_RATIO} of the quota used. */
  readonly low: boolean;
};

export const LOW_FREE_BYTES = 200 * 1024 * 1024;
export const LOW_USAGE_RATIO = 0.8;

function storageManager(): StorageManager | null {
  const nav = globalThis.navigator as Navigator | undefined;
  return nav?.storage ?? null;
}

export function isStorageLow(usage: number | null, quota: number | null): boolean {
  if (usage === null || quota === null) return false;
  return quota - usage < LOW_FREE_BYTES || usage > quota * LOW_USAGE_RATIO;
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  let persisted: boolean | null = null;
  let usage: number | null = null;
  let quota: number | null = null;
  if (typeof storage?.persisted === 'function') {
    try {
      persisted = await storage.persisted();
    } catch {
      persisted = null;
    }
  }
  if (typeof storage?.estimate === 'function') {
    try {
      const estimate = await storage.estimate();
      usage = estimate.usage ?? null;
      quota = estimate.quota ?? null;
    } catch {
      // leave unknown
    }
  }
  return { persisted, usage, quota, low: isStorageLow(usage, quota) };
}

/**
 * Asks the browser to keep this site's data (call after a user action). True
 * when storage is, or now became, persistent; false when refused or unsupported.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage) return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    if (typeof storage.persist !== 'function') return false;
    return await storage.persist();
  } catch {
    return false;
  }
}
