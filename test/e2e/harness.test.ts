import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppServer,
  CuttableProxy,
  goOffline,
  goOnline,
  launchBrowser,
  newTeacherContext,
  startAppServer,
  type TeacherContext,
} from './harness.ts';

interface SocketRecord {
  state: 'connecting' | 'open' | 'closed';
  closeCode: number | null;
}
interface ProbeWindow {
  sockets: SocketRecord[];
  openSyncSocket(): number;
}

/** Runs in the page: opens raw WebSockets to /sync and records what each one observes. */
function installSocketProbe(): void {
  const probe: ProbeWindow = {
    sockets: [],
    openSyncSocket() {
      const record: SocketRecord = { state: 'connecting', closeCode: null };
      const url = new URL('/sync', location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const socket = new WebSocket(url);
      socket.addEventListener('open', () => {
        record.state = 'open';
      });
      socket.addEventListener('close', (event) => {
        record.state = 'closed';
        record.closeCode = event.code;
      });
      return probe.sockets.push(record) - 1;
    },
  };
  (window as unknown as { probe: ProbeWindow }).probe = probe;
}

function openSyncSocket(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { probe: ProbeWindow }).probe.openSyncSocket());
}

function socketState(page: Page, index: number): Promise<SocketRecord | undefined> {
  return page.evaluate(
    (i) => (window as unknown as { probe: ProbeWindow }).probe.sockets[i],
    index,
  );
}

async function waitForSocketState(page: Page, index: number, state: SocketRecord['state']) {
  await page.waitForFunction(
    ([i, s]) => (window as unknown as { probe: ProbeWindow }).probe.sockets[i]?.state === s,
    [index, state] as const,
    { timeout: 10_000 },
  );
  return socketState(page, index);
}

describe('e2e harness', () => {
  let distDir: string;
  let app: AppServer;
  let proxy: CuttableProxy;
  let browser: Browser;
  let teacher: TeacherContext;

  beforeAll(async () => {
    // A static stand-in for dist/, so the harness is checked independently of the UI build.
    distDir = await mkdtemp(join(tmpdir(), 'leskring-e2e-dist-'));
    await writeFile(
      join(distDir, 'index.html'),
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Leskring harness</title></head><body><h1>harness</h1></body></html>',
    );
    app = await startAppServer({ distDir });
    proxy = await CuttableProxy.start(app.url);
    browser = await launchBrowser();
    teacher = await newTeacherContext(browser, proxy.url);
    await teacher.page.addInitScript(installSocketProbe);
  });

  afterAll(async () => {
    await teacher?.context.close();
    await browser?.close();
    await proxy?.close();
    await app?.close();
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  // Each test starts online, on a freshly loaded page with the socket probe installed.
  beforeEach(async () => {
    await goOnline(teacher, proxy);
    await teacher.page.goto('/');
  });

  it('serves the app through the proxy origin', async () => {
    const response = await teacher.page.goto('/');
    expect(response?.status()).toBe(200);
    expect(new URL(teacher.page.url()).origin).toBe(proxy.url);
    await expect(teacher.page.title()).resolves.toBe('Leskring harness');
    expect(proxy.accepted).toBeGreaterThan(0);
  });

  it('closes an open sync WebSocket when the proxy is cut, and reconnects after restore', async () => {
    const { page } = teacher;
    const first = await openSyncSocket(page);
    expect(await waitForSocketState(page, first, 'open')).toMatchObject({ state: 'open' });
    expect(proxy.openConnections).toBeGreaterThan(0);

    await goOffline(teacher, proxy);
    const closed = await waitForSocketState(page, first, 'closed');
    expect(closed?.closeCode).toBe(1006);
    expect(proxy.openConnections).toBe(0);

    // While cut, a new socket cannot open and page fetches fail.
    const refused = await openSyncSocket(page);
    expect(await waitForSocketState(page, refused, 'closed')).toMatchObject({ state: 'closed' });
    await expect(page.evaluate(() => fetch('/').then((r) => r.status))).rejects.toThrow();

    await goOnline(teacher, proxy);
    const second = await openSyncSocket(page);
    expect(await waitForSocketState(page, second, 'open')).toMatchObject({ state: 'open' });
    await expect(page.evaluate(() => fetch('/').then((r) => r.status))).resolves.toBe(200);
  });

  it('cuts a socket even when the context itself stays online', async () => {
    const { page } = teacher;
    const index = await openSyncSocket(page);
    await waitForSocketState(page, index, 'open');
    proxy.cut();
    expect(await waitForSocketState(page, index, 'closed')).toMatchObject({ state: 'closed' });
    proxy.restore();
    const again = await openSyncSocket(page);
    expect(await waitForSocketState(page, again, 'open')).toMatchObject({ state: 'open' });
  });
});
