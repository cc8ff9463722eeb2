/**
 * A token bucket: `burst` messages at once, refilled at `ratePerSecond`.
 * Sockets and members each get one (flowControl.ts, syncLimits.ts).
 */
export type TokenBucket = {
  /** Takes one token; false when the bucket is empty. */
  take(): boolean;
};

export type Rate = { readonly ratePerSecond: number; readonly burst: number };

export function tokenBucket(rate: Rate, now: () => number = () => performance.now()): TokenBucket {
  let tokens = rate.burst;
  let last = now();
  return {
    take() {
      const current = now();
      tokens = Math.min(rate.burst, tokens + ((current - last) / 1000) * rate.ratePerSecond);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
