import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PhaseId, RunId } from '../../../src/model/cycleTypes.ts';
import { appendEvent, readRunEvents, readRunLog } from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import {
  encodeRunLog,
  importLogUpdate,
  MAX_LOG_FILE_BYTES,
  validateLogUpdate,
} from '../../../src/model/logFile.ts';
import { newCycle, prng, replica, sync, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const IMPORT = { origin: 'import' };

/** A cycle, a colleague's replica of it, and 20 events the colleague recorded offline. */
function setup() {
  const ctx = testCtx(1);
  const home = newCycle(ctx);
  const colleague = replica(home);
  const ctxB = testCtx(2);
  for (let i = 0; i < 20; i++)
    appendEvent(
      colleague,
      RUN,
      BRAM,
      { kind: 'tally', t: i * 1000, phaseId: P1, itemId: 'q' },
      ctxB,
    );
  appendEvent(home, RUN, ANS, { kind: 'start', t: 0, phaseId: P1 }, ctx);
  return { home, colleague, ctx };
}

describe('log files', () => {
  it('encodes, validates and merges into a replica as sync would', () => {
    const { home, colleague } = setup();
    const file = encodeRunLog(colleague, RUN, BRAM);
    const check = validateLogUpdate(file, home);
    expect(check).toEqual({ ok: true, logs: [{ runId: RUN, observer: BRAM, events: 20 }] });
    expect(importLogUpdate(home, file, IMPORT).ok).toBe(true);
    expect(readRunLog(home, RUN).events).toHaveLength(21);
    const fresh = new Y.Doc();
    expect(importLogUpdate(fresh, file, IMPORT).ok).toBe(true);
    expect(readRunEvents(fresh, RUN)).toEqual(readRunEvents(colleague, RUN));
  });

  it('adds nothing when imported twice or also received through sync', () => {
    const { home, colleague } = setup();
    const file = encodeRunLog(colleague, RUN, BRAM);
    importLogUpdate(home, file, IMPORT);
    importLogUpdate(home, file, IMPORT);
    sync(home, colleague);
    importLogUpdate(home, file, IMPORT);
    const log = readRunLog(home, RUN);
    expect(log.events).toHaveLength(21);
    expect(log.duplicates).toBe(0);
    expect(readRunLog(colleague, RUN)).toEqual(log);
  });

  it('refuses to encode a log without events', () => {
    const { home } = setup();
    expect(() => encodeRunLog(home, RUN, BRAM)).toThrow(RangeError);
  });

  it('refuses empty, oversized, corrupt and truncated files without touching the document', () => {
    const { home, colleague } = setup();
    const before = Y.encodeStateAsUpdate(home);
    const file = encodeRunLog(colleague, RUN, BRAM);
    const random = prng(7);
    const noise = Uint8Array.from({ length: 2000 }, () => Math.floor(random() * 256));
    const flipped = file.slice();
    for (let i = 10; i < flipped.length; i += 7) flipped[i] = (flipped[i] ?? 0) ^ 0xff;
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(0), 'empty'],
      [new Uint8Array(MAX_LOG_FILE_BYTES + 1), 'too-large'],
      [noise, 'corrupt'],
      [new TextEncoder().encode('{"format":"leskring-kijkwijzer"}'), 'corrupt'],
      [file.slice(0, Math.floor(file.length / 2)), 'corrupt'],
      [flipped, 'corrupt'],
    ];
    for (const [bytes, reason] of cases) {
      expect(importLogUpdate(home, bytes, IMPORT), reason).toEqual({ ok: false, reason });
    }
    expect(Y.encodeStateAsUpdate(home)).toEqual(before);
  });

  it('refuses a file without observations and a file of another cycle', () => {
    const { home } = setup();
    expect(validateLogUpdate(Y.encodeStateAsUpdate(newCycle(testCtx(5))))).toEqual({
      ok: false,
      reason: 'no-observations',
    });
    const elsewhere = newCycle(testCtx(6));
    appendEvent(elsewhere, RUN, BRAM, { kind: 'start', t: 0, phaseId: null }, testCtx(6));
    expect(validateLogUpdate(encodeRunLog(elsewhere, RUN, BRAM), home)).toEqual({
      ok: false,
      reason: 'other-cycle',
    });
  });
});
