import type { Redis } from 'ioredis';
import { HttpError } from './respond.ts';

/**
 * A fixed-window counter per key (client address): at most `max` attempts
 * per `windowMs`. Old windows are dropped as they expire, and beyond
 * `maxKeys` the oldest go first, so a flood of addresses cannot exhaust memory
 * (at the price of a fresh budget for the addresses forgotten).
 */
export type RateLimiter = {
  /** Counts an attempt; resolves to null when allowed, else the seconds until the next window. */
  hit(key: string): Promise<number | null>;
  /** Gives back an allowed attempt that turned out to cost nothing (e.g. it created nothing). */
  refund(key: string): Promise<void>;
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
    async hit(key) {
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
    async refund(key) {
      const window = windows.get(key);
      if (window && window.count > 0) window.count -= 1;
    },
  };
}

/**
 * The same fixed windows kept in Redis, so a limit holds across every
 * instance: one counter per name and key, which starts its window at the
 * first attempt (as the limiter above does) and expires with it. Redis down:
 * the attempt is allowed (and logged) rather than the service refused to
 * everyone.
 */
export function redisRateLimiter(options: {
  redis: Redis;
  /** Prefixes every counter: the deployment's Redis namespace. */
  namespace: string;
  /** Tells this limiter's counters from the others'. */
  name: string;
  max: number;
  windowMs: number;
  log: (line: string) => void;
}): RateLimiter {
  const counter = (key: string) => `${options.namespace}:rate:${options.name}:${key}`;
  return {
    async hit(key) {
      const id = counter(key);
      let count: number;
      let remainingMs: number;
      try {
        const replies = await options.redis
          .multi()
          .set(id, 0, 'PX', options.windowMs, 'NX')
          .incr(id)
          .pttl(id)
          .exec();
        count = Number(replies?.[1]?.[1] ?? 0);
        remainingMs = Number(replies?.[2]?.[1] ?? options.windowMs);
      } catch (error) {
        options.log(`rate limit ${options.name} not counted (redis): ${String(error)}`);
        return null;
      }
      if (count <= options.max) return null;
      return Math.max(1, Math.ceil(remainingMs / 1000));
    },
    async refund(key) {
      try {
        await options.redis.eval(
          "if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then return redis.call('DECR', KEYS[1]) end return 0",
          1,
          counter(key),
        );
      } catch (error) {
        options.log(`rate limit ${options.name} not refunded (redis): ${String(error)}`);
      }
    },
  };
}

/**
 * A counter of fixed windows in Redis that every instance adds to (the
 * member message rate across instances, server/sync/syncLimits.ts).
 */
export function redisWindowCounter(options: {
  redis: Redis;
  namespace: string;
  name: string;
  windowMs: number;
  now: () => number;
}): { add(key: string, count: number): Promise<number> } {
  return {
    async add(key, count) {
      const now = options.now();
      const id = `${options.namespace}:count:${options.name}:${now - (now % options.windowMs)}:${key}`;
      const replies = await options.redis
        .multi()
        .incrby(id, count)
        .pexpire(id, options.windowMs + 1_000)
        .exec();
      return Number(replies?.[0]?.[1] ?? 0);
    },
  };
}

/** Counts an attempt under `key`; 429 rate_limited with Retry-After beyond the limit. */
export async function countAttempt(limiter: RateLimiter, key: string): Promise<void> {
  const retryAfter = await limiter.hit(key);
  if (retryAfter !== null) {
    throw new HttpError(429, 'rate_limited', 'too many attempts, try again later', {
      'Retry-After': String(retryAfter),
    });
  }
}
