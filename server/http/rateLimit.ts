/**
 * A fixed-window counter per key (client address): at most `max` attempts
 * per `windowMs`. Old windows are dropped as they expire.
 */
export type RateLimiter = {
  /** Counts an attempt; returns null when allowed, else the seconds until the next window. */
  hit(key: string): number | null;
};

export function rateLimiter(options: {
  max: number;
  windowMs: number;
  now: () => number;
}): RateLimiter {
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
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= options.max) return null;
      return Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000));
    },
  };
}
