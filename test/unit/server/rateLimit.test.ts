import { describe, expect, it } from 'vitest';
import { rateLimiter } from '../../../server/http/rateLimit.ts';

function limiter(options: { max: number; maxKeys?: number }) {
  let now = 0;
  const limit = rateLimiter({ windowMs: 60_000, now: () => now, ...options });
  return { limit, advance: (ms: number) => (now += ms) };
}

describe('rateLimiter', () => {
  it('allows max attempts per window and says when the next window starts', () => {
    const { limit, advance } = limiter({ max: 2 });
    expect(limit.hit('a')).toBeNull();
    expect(limit.hit('a')).toBeNull();
    advance(15_000);
    expect(limit.hit('a')).toBe(45);
    expect(limit.hit('b')).toBeNull();
    advance(45_000);
    expect(limit.hit('a')).toBeNull();
  });

  it('gives back an attempt that cost nothing', () => {
    const { limit } = limiter({ max: 1 });
    expect(limit.hit('a')).toBeNull();
    limit.refund('a');
    expect(limit.hit('a')).toBeNull();
    expect(limit.hit('a')).not.toBeNull();
    limit.refund('unknown');
  });

  it('forgets the oldest keys beyond maxKeys', () => {
    const { limit, advance } = limiter({ max: 1, maxKeys: 2 });
    expect(limit.hit('a')).toBeNull();
    advance(1);
    expect(limit.hit('b')).toBeNull();
    advance(1);
    expect(limit.hit('c')).toBeNull();
    // 'a' was forgotten (a fresh budget), 'c' is still remembered.
    expect(limit.hit('c')).not.toBeNull();
    expect(limit.hit('a')).toBeNull();
  });
});
