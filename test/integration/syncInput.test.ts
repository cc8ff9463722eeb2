import { describe, expect, it } from 'vitest';
import { teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import { api, createTeam, isSettled, newProvider, startTestServer, waitFor } from './helpers.ts';

/** Opens a raw WebSocket to /sync and resolves once it is open. */
async function rawSocket(wsUrl: string): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl);
  socket.binaryType = 'arraybuffer';
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('socket error')), { once: true });
  });
  return socket;
}

/** A minimal lib0-style encoder (varuints, length-prefixed bytes and strings). */
class Frame {
  readonly bytes: number[] = [];
  varUint(value: number): this {
    let rest = value;
    while (rest > 0x7f) {
      this.bytes.push(0x80 | (rest & 0x7f));
      rest = Math.floor(rest / 128);
    }
    this.bytes.push(rest);
    return this;
  }
  varBytes(data: Uint8Array): this {
    this.varUint(data.length);
    this.bytes.push(...data);
    return this;
  }
  varString(text: string): this {
    return this.varBytes(new TextEncoder().encode(text));
  }
  done(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.bytes);
  }
}

describe('malformed sync input: bad input never crashes the server', () => {
  it('survives garbage frames, bad updates and oversized messages, and keeps serving others', async () => {
    const { url, wsUrl } = await startTestServer({ maxPayload: 64 * 1024 });
    const owner = await createTeam(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const good = newProvider(wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(good)).toBe(true));

    // Random bytes and truncated frames.
    const junk = await rawSocket(wsUrl);
    junk.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    junk.send(new Uint8Array([]));
    junk.send('a text frame');
    // An authenticated document connection that then sends a corrupt Yjs update.
    const evil = await rawSocket(wsUrl);
    // Auth (2) → Token (0), then Sync (0) → Update (2) with bytes that are no Yjs update.
    evil.send(new Frame().varString(name).varUint(2).varUint(0).varString(owner.token).done());
    const corrupt = new Uint8Array([1, 200, 200, 200, 200, 200, 7, 7, 7]);
    evil.send(new Frame().varString(name).varUint(0).varUint(2).varBytes(corrupt).done());
    // Too big for maxPayload: the socket is closed with 1009.
    const big = await rawSocket(wsUrl);
    const closed = new Promise<number>((resolve) =>
      big.addEventListener('close', (event) => resolve(event.code)),
    );
    big.send(new Uint8Array(128 * 1024));
    expect(await closed).toBe(1009);

    good.doc.getMap('plan').set('still', 'working');
    await waitFor(() => expect(isSettled(good)).toBe(true));
    const other = newProvider(wsUrl, { name, token: owner.token });
    await waitFor(() => expect(other.doc.getMap('plan').get('still')).toBe('working'));
    expect((await api(url, 'GET', '/healthz')).status).toBe(200);
    for (const socket of [junk, evil]) socket.close();
  });

  it('destroys upgrade requests on paths other than /sync', async () => {
    const { url } = await startTestServer();
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/not-sync`);
    const outcome = await new Promise<string>((resolve) => {
      socket.addEventListener('open', () => resolve('open'));
      socket.addEventListener('error', () => resolve('error'));
    });
    expect(outcome).toBe('error');
  });
});
