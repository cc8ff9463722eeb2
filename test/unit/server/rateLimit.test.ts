import { describe, expect, it } from 'vitest';
import { rateLimiter } from '../../../server/http/rateLimit.ts';

function limiter(options: { max: number; maxKeys?: number }) {
  let now = 0;
  const limit = rateLimiter({ windowMs: 60_000, now: () => now, ...options });
  return { limit, advance: (ms: number) => (now += ms) };
}

describe('rateLimiter', () => {
  it('allows max attempts per window and says when the next window starts', async () => {
    const { limit, advance } = limiter({ max: 2 });
    expect(await limit.hit('a')).toBeNull();
    expect(await limit.hit('a')).toBeNull();
    advance(15_000);
    expect(await limit.hit('a')).toBe(45);
    expect(await limit.hit('b')).toBeNull();
    advance(45_000);
    expect(await limit.hit('a')).toBeNull();
  });

  it('gives back an attempt that cost nothing', async () => {
    const { limit } = limiter({ max: 1 });
    expect(await limit.hit('a')).toBeNull();
    await limit.refund('a');
    expect(await limit.hit('a')).toBeNull();
    expect(await limit.hit('a')).not.toBeNull();
    await limit.refund('unknown');
  });

  it('forgets the oldest keys beyond maxKeys', async () => {
    const { limit, advance } = limiter({ max: 1, maxKeys: 2 });
    expect(await limit.hit('a')).toBeNull();
    advance(1);
    expect(await limit.hit('b')).toBeNull();
    advance(1);
    expect(await limit.hit('c')).toBeNull();
    // 'a' was forgotten (a fresh budget), 'c' is still remembered.
    expect(await limit.hit('c')).not.toBeNull();
    expect(await limit.hit('a')).toBeNull();
  });
});
