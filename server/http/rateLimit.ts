import { HttpError } from './respond.ts';

/**
 * A fixed-window counter per key (client address): at most `max` attempts
 * per `windowMs`. Old windows are dropped as they expire, and beyond
 * `maxKeys` the oldest go first, so a flood of addresses cannot exhaust memory
 * (at the price of a fresh budget for the addresses forgotten).
 */
export type RateLimiter = {
  /** Counts an attempt; returns null when allowed, else the seconds until the next window. */
  hit(key: string): number | null;
  /** Gives back an allowed attempt that turned out to cost nothing (e.g. it created nothing). */
  refund(key: string): void;
};

/** Keys a limiter remembers at most (some 100 bytes each). */
export const DEFAULT_MAX_KEYS = 100_000;

export function rateLimiter(options: {
  max: number;
  windowMs: number;
  now: () => number;
  maxKeys?: number;
}): RateLimiter {
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = options.now();
  return {
    hit(key) {
      const now = options.now();
      if (now - lastSweep > options.windowMs) {
        for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
        lastSweep = now;
      }
      let window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        window = { start: now, count: 0 };
        // Re-inserted, so the map stays ordered by window start, oldest first.
        windows.delete(key);
        windows.set(key, window);
        for (const oldest of windows.keys()) {
          if (windows.size <= maxKeys) break;
          windows.delete(oldest);
        }
      }
      window.count += 1;
      if (window.count <= options.max) return null;
      return Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000));
    },
    refund(key) {
      const window = windows.get(key);
      if (window && window.count > 0) window.count -= 1;
    },
  };
}

/** Counts an attempt under `key`; 429 rate_limited with Retry-After beyond the limit. */
export function countAttempt(limiter: RateLimiter, key: string): void {
  const retryAfter = limiter.hit(key);
  if (retryAfter !== null) {
    throw new HttpError(429, 'rate_limited', 'too many attempts, try again later', {
      'Retry-After': String(retryAfter),
    });
  }
}
