import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { redisRateLimiter } from '../../server/http/rateLimit.ts';
import { clusterServices, onCleanup, SKIP_NOTICE } from './helpers.ts';

const services = clusterServices();
if (!services) console.warn(SKIP_NOTICE);

describe.skipIf(!services)('rate limits counted in Redis (several instances)', () => {
  const limiter = (max: number) => {
    const redis = new Redis(services?.redisUrl ?? '');
    onCleanup(async () => {
      await redis.quit();
    });
    return redisRateLimiter({
      redis,
      namespace: `leskring:test:${crypto.randomUUID()}`,
      name: 'join',
      max,
      windowMs: 60_000,
      log: () => {},
    });
  };

  it('starts a window at the first attempt, like the limiter of one instance', async () => {
    const limit = limiter(2);
    expect(await limit.hit('203.0.113.7')).toBeNull();
    expect(await limit.hit('203.0.113.7')).toBeNull();
    // A whole minute from the first attempt, whenever in the clock's minute it came.
    expect(await limit.hit('203.0.113.7')).toBeGreaterThanOrEqual(59);
    expect(await limit.hit('203.0.113.8')).toBeNull();
  });

  it('is shared by every limiter on the same counters, and gives back a refunded attempt', async () => {
    const namespace = `leskring:test:${crypto.randomUUID()}`;
    const redis = new Redis(services?.redisUrl ?? '');
    onCleanup(async () => {
      await redis.quit();
    });
    const make = () =>
      redisRateLimiter({
        redis,
        namespace,
        name: 'team-create',
        max: 1,
        windowMs: 60_000,
        log: () => {},
      });
    const [one, two] = [make(), make()];
    expect(await one.hit('198.51.100.1')).toBeNull();
    expect(await two.hit('198.51.100.1')).not.toBeNull();
    await one.refund('198.51.100.1');
    await one.refund('198.51.100.1');
    expect(await two.hit('198.51.100.1')).toBeNull();
    expect(await one.hit('198.51.100.1')).not.toBeNull();
  });
});
