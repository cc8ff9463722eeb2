import { describe, expect, it } from 'vitest';
import {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TIMEOUT_MS,
  heartbeatStep,
} from '../../../src/model/heartbeat.ts';

describe('heartbeatStep', () => {
  it('waits while the server was heard recently', () => {
    expect(
      heartbeatStep({ lastHeardAt: 1_000, pingSentAt: null }, 1_000 + HEARTBEAT_INTERVAL_MS - 1),
    ).toBe('wait');
  });

  it('asks once the socket has been quiet for an interval', () => {
    expect(
      heartbeatStep({ lastHeardAt: 1_000, pingSentAt: null }, 1_000 + HEARTBEAT_INTERVAL_MS),
    ).toBe('ping');
  });

  it('waits for the answer, and gives up on the server when none comes in time', () => {
    const clock = { lastHeardAt: 1_000, pingSentAt: 3_000 };
    expect(heartbeatStep(clock, 3_000 + HEARTBEAT_TIMEOUT_MS - 1)).toBe('wait');
    expect(heartbeatStep(clock, 3_000 + HEARTBEAT_TIMEOUT_MS)).toBe('unreachable');
  });

  it('counts anything heard after the question as the answer', () => {
    const answered = { lastHeardAt: 3_500, pingSentAt: 3_000 };
    expect(heartbeatStep(answered, 3_000 + HEARTBEAT_TIMEOUT_MS)).not.toBe('unreachable');
    expect(heartbeatStep(answered, 3_500 + HEARTBEAT_INTERVAL_MS - 1)).toBe('wait');
  });
});
