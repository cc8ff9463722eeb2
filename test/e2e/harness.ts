/**
 * End-to-end harness: a real Chromium (playwright-core + @sparticuz/chromium),
 * the real server serving the built app from `dist/`, and a TCP proxy that can
 * really drop a device's connections.
 *
 * Why the proxy: Playwright's `context.setOffline(true)` makes new requests
 * fail but leaves an open WebSocket OPEN (frames are held and delivered later),
 * so the sync provider never notices. A teacher context that loads the app
 * through a `CuttableProxy` origin can be taken offline for real: `goOffline()`
 * cuts the proxy (every socket closes) and sets the context offline (page
 * fetches fail too).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { type StartServerOptions, startServer } from '../../server/main.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_DIST_DIR = join(REPO_ROOT, 'dist');

// ---------------------------------------------------------------------------
// Browser

let executablePathPromise: Promise<string> | undefined;

/**
 * The unpacked Chromium binary. @sparticuz/chromium extracts it to
 * `<tmpdir>/chromium` on first use (several seconds on a clean machine); the
 * promise is shared so concurrent callers do not extract twice.
 */
export function chromiumExecutablePath(): Promise<string> {
  executablePathPromise ??= sparticuz.executablePath();
  return executablePathPromise;
}

/**
 * Launches headless Chromium. Only `--no-sandbox` is passed: sparticuz's own
 * `args` are meant for AWS Lambda (`--single-process`, `--disable-web-security`
 * …) and would make the browser unlike a real one.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumExecutablePath(),
    args: ['--no-sandbox'],
    headless: true,
  });
}

/** A 10" tablet in portrait (the classroom device the app is built for), Dutch, touch enabled. */
export const TABLET_CONTEXT: BrowserContextOptions = {
  viewport: { width: 800, height: 1280 },
  deviceScaleFactor: 1,
  hasTouch: true,
  locale: 'nl-NL',
  timezoneId: 'Europe/Amsterdam',
  serviceWorkers: 'allow',
};

export interface TeacherContext {
  context: BrowserContext;
  page: Page;
  /** The origin the context loads the app from (the server, or a proxy in front of it). */
  baseUrl: string;
  /** `console.error` messages and uncaught page errors, for assertions and debugging. */
  errors: string[];
}

/**
 * A fresh browser context (its own IndexedDB, service worker and cookies: one
 * teacher's device) with one page. The page is not navigated yet: call
 * `page.goto('/')` (relative URLs resolve against `baseUrl`).
 */
export async function newTeacherContext(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<TeacherContext> {
  const context = await browser.newContext({ ...TABLET_CONTEXT, ...options, baseURL: baseUrl });
  return { context, page: await context.newPage(), baseUrl, errors: collectErrors(context) };
}

/** Collects `console.error` messages and uncaught errors of every page of `context`. */
function collectErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => {
      errors.push(String(error));
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return errors;
}

/**
 * One device whose browser profile is kept on disk, for what must survive the
 * browser being closed: each `launch()` starts Chromium on the profile (closing
 * that context ends the browser, as closing the app on a tablet does), and the
 * next `launch()` finds the same IndexedDB and service worker again.
 */
export interface PersistentDevice {
  readonly profileDir: string;
  /** Starts the browser on the profile, with its network off when asked; the context has one page. */
  launch(options?: { offline?: boolean }): Promise<TeacherContext>;
  /** Deletes the profile (close the last context first). */
  remove(): Promise<void>;
}

export async function persistentDevice(baseUrl: string): Promise<PersistentDevice> {
  const profileDir = await mkdtemp(join(tmpdir(), 'leskring-profile-'));
  return {
    profileDir,
    async launch(options = {}) {
      const context = await chromium.launchPersistentContext(profileDir, {
        ...TABLET_CONTEXT,
        executablePath: await chromiumExecutablePath(),
        args: ['--no-sandbox'],
        headless: true,
        baseURL: baseUrl,
        offline: options.offline ?? false,
      });
      const errors = collectErrors(context);
      const page = context.pages()[0] ?? (await context.newPage());
      return { context, page, baseUrl, errors };
    },
    remove: () => rm(profileDir, { recursive: true, force: true }),
  };
}

/**
 * Takes a teacher's device really offline: page fetches fail (setOffline) and
 * every open connection through `proxy`, the sync WebSocket included, is closed.
 */
export async function goOffline(teacher: TeacherContext, proxy: CuttableProxy): Promise<void> {
  await teacher.context.setOffline(true);
  proxy.cut();
}

/** Undoes `goOffline`: the proxy accepts connections again and fetches work. */
export async function goOnline(teacher: TeacherContext, proxy: CuttableProxy): Promise<void> {
  proxy.restore();
  await teacher.context.setOffline(false);
}

// ---------------------------------------------------------------------------
// Server

type RunningServer = Awaited<ReturnType<typeof startServer>>;

export interface AppServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The temporary DATA_DIR (deleted by `close()`). */
  dataDir: string;
  dbPath: string;
  /** The underlying server handle (e.g. `server.hocuspocus`). */
  server: RunningServer;
  /** Log lines the server wrote, for debugging a failed test. */
  logs: string[];
  /** Stops the server and removes the data directory. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartAppServerOptions {
  /** Directory with the built app. Default: `<repo>/dist` (must contain index.html). */
  distDir?: string;
  /** Also print server log lines (default: only collected in `logs`). */
  echoLogs?: boolean;
  version?: string;
  /** Sync server limits other than the defaults (to provoke refusals). */
  sync?: StartServerOptions['sync'];
}

/**
 * Starts the real server (`server/main.ts`) on a free 127.0.0.1 port with a
 * temporary DATA_DIR, serving the built app.
 */
export async function startAppServer(options: StartAppServerOptions = {}): Promise<AppServer> {
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `No built app at ${join(distDir, 'index.html')}: run npm run build first (npm test does).`,
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'leskring-e2e-'));
  const logs: string[] = [];
  let server: RunningServer;
  try {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir,
      ...(options.version === undefined ? {} : { version: options.version }),
      ...(options.sync === undefined ? {} : { sync: options.sync }),
      log: (line) => {
        logs.push(line);
        if (options.echoLogs) console.log(`[server] ${line}`);
      },
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port,
    dataDir,
    dbPath: server.dbPath,
    server,
    logs,
    close() {
      closing ??= (async () => {
        try {
          await server.close();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      })();
      return closing;
    },
  };
}

// ---------------------------------------------------------------------------
// Cuttable proxy

/**
 * A TCP proxy on its own free 127.0.0.1 port in front of a target server.
 * `cut()` destroys every open connection (both directions) and refuses new
 * ones until `restore()`. HTTP and WebSocket alike pass through unchanged, so
 * a browser context whose base URL is `proxy.url` sees a normal origin.
 */
export class CuttableProxy {
  readonly url: string;
  readonly port: number;
  readonly #server: net.Server;
  readonly #connections = new Set<{ client: net.Socket; upstream: net.Socket }>();
  #cut = false;
  /** Connections held open without passing a byte while the proxy is stalled. */
  #stalled: Set<net.Socket> | null = null;
  /** Connections accepted since start (refused ones not counted). */
  accepted = 0;

  private constructor(server: net.Server, port: number) {
    this.#server = server;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts a proxy to `target` (a URL such as `http://127.0.0.1:1234`, or a port on 127.0.0.1). */
  static async start(target: string | number): Promise<CuttableProxy> {
    const { hostname, port } =
      typeof target === 'number'
        ? { hostname: '127.0.0.1', port: String(target) }
        : new URL(target);
    const targetPort = Number(port);
    if (!Number.isInteger(targetPort) || targetPort <= 0) {
      throw new Error(`CuttableProxy needs a target with an explicit port, got ${String(target)}`);
    }
    let accept = (client: net.Socket) => {
      client.destroy();
    };
    const server = net.createServer({ noDelay: true }, (client) => accept(client));
    await new Promise<void>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    const proxy = new CuttableProxy(server, address.port);
    accept = (client) => proxy.#accept(client, hostname, targetPort);
    return proxy;
  }

  get isCut(): boolean {
    return this.#cut;
  }

  /** Number of client connections currently open through the proxy. */
  get openConnections(): number {
    return this.#connections.size;
  }

  #accept(client: net.Socket, host: string, port: number): void {
    if (this.#cut) {
      client.resetAndDestroy();
      return;
    }
    if (this.#stalled) {
      this.#stalled.add(client);
      client.on('error', () => client.destroy());
      return;
    }
    this.accepted += 1;
    const upstream = net.connect({ host, port, noDelay: true });
    const connection = { client, upstream };
    this.#connections.add(connection);
    const teardown = () => {
      client.destroy();
      upstream.destroy();
      this.#connections.delete(connection);
    };
    client.on('error', teardown);
    upstream.on('error', teardown);
    client.on('close', teardown);
    upstream.on('close', teardown);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** Destroys every open connection, both directions, and refuses new ones. */
  cut(): void {
    this.#cut = true;
    for (const { client, upstream } of this.#connections) {
      client.destroy();
      upstream.destroy();
    }
    this.#connections.clear();
  }

  /**
   * A silent drop: every connection stays open but no byte passes either way,
   * and new ones are accepted and never answered. Nothing closes, so neither
   * the browser nor the socket notices; only a heartbeat can.
   */
  stall(): void {
    this.#stalled = new Set();
    for (const { client, upstream } of this.#connections) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** Ends a stall the way a network coming back after a long drop does: what was held is gone. */
  unstall(): void {
    const held = this.#stalled;
    this.#stalled = null;
    for (const client of held ?? []) client.destroy();
    for (const { client, upstream } of this.#connections) {
      client.destroy();
      upstream.destroy();
    }
    this.#connections.clear();
  }

  /** Accepts connections again after `cut()`. */
  restore(): void {
    this.#cut = false;
  }

  /** Cuts everything and stops listening. */
  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolvePromise) => {
      this.#server.close(() => resolvePromise());
    });
  }
}

// ---------------------------------------------------------------------------
// A stage: one server and one browser per spec file

export interface Stage {
  app: AppServer;
  browser: Browser;
  /** A teacher's device loading the app straight from the server. */
  teacher(options?: BrowserContextOptions): Promise<TeacherContext>;
  /** A teacher's device loading the app through its own proxy, so it can go offline for real. */
  cuttableTeacher(
    options?: BrowserContextOptions,
  ): Promise<{ teacher: TeacherContext; proxy: CuttableProxy }>;
  /** Closes every context, proxy, the browser and the server (safe to call twice). */
  close(): Promise<void>;
}

/**
 * Starts the server and a browser for one spec file; teacher contexts made
 * through the stage are closed with it. Sharing one browser per file keeps the
 * e2e project fast on a small machine.
 */
export async function startStage(options: StartAppServerOptions = {}): Promise<Stage> {
  const app = await startAppServer(options);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await app.close();
    throw error;
  }
  const contexts: TeacherContext[] = [];
  const proxies: CuttableProxy[] = [];
  let closing: Promise<void> | undefined;
  return {
    app,
    browser,
    async teacher(contextOptions = {}) {
      const teacher = await newTeacherContext(browser, app.url, contextOptions);
      contexts.push(teacher);
      return teacher;
    },
    async cuttableTeacher(contextOptions = {}) {
      const proxy = await CuttableProxy.start(app.url);
      proxies.push(proxy);
      const teacher = await newTeacherContext(browser, proxy.url, contextOptions);
      contexts.push(teacher);
      return { teacher, proxy };
    },
    close() {
      closing ??= (async () => {
        await Promise.allSettled(contexts.map((teacher) => teacher.context.close()));
        await browser.close().catch(() => {});
        await Promise.allSettled(proxies.map((proxy) => proxy.close()));
        await app.close();
      })();
      return closing;
    },
  };
}

// ---------------------------------------------------------------------------
// In-page helpers

/**
 * Waits until a service worker controls `page` (after the first visit the app
 * shell is precached; `clientsClaim()` makes the first worker take over).
 */
export async function waitForServiceWorkerControl(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active !== null && navigator.serviceWorker.controller !== null;
    },
    undefined,
    { timeout, polling: 100 },
  );
}

/** What this device stored about its membership of a team (Dexie `leskring.memberships`), read with raw IndexedDB. */
export interface StoredMembership {
  teamId: string;
  memberId: string;
  displayName: string;
  role: string;
  token: string | null;
  status: 'pending' | 'active' | 'removed';
}

export function readStoredMembership(page: Page, teamId: string): Promise<StoredMembership | null> {
  return page.evaluate(
    (id) =>
      new Promise<StoredMembership | null>((resolvePromise, reject) => {
        const open = indexedDB.open('leskring');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('memberships').objectStore('memberships').get(id);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolvePromise((request.result as StoredMembership | undefined) ?? null);
          };
        };
      }),
    teamId,
  );
}

/** Counts full page loads of `page` from now on (a reload or navigation bumps it). */
export function countLoads(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('load', () => {
    counter.count += 1;
  });
  return counter;
}
