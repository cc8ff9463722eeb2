/**
 * WebKit for the e2e journeys, without Playwright: Debian's WebKitGTK
 * WebDriver (`WebKitWebDriver`, package webkit2gtk-driver) driving its
 * MiniBrowser (libwebkit2gtk-4.1-0) on a virtual X display (xvfb), spoken to
 * over plain W3C WebDriver with `fetch`.
 *
 * MiniBrowser has no headless mode in this version, hence Xvfb: it is started
 * with `-displayfd`, so it picks a free display itself and says which once it
 * accepts clients (no guessing, no waiting). The driver and Xvfb each lead a
 * process group of their own; `close()` ends both groups (MiniBrowser and its
 * web and network processes with the driver's), also when the test failed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';
import { delimiter, join } from 'node:path';

// ---------------------------------------------------------------------------
// Finding the tools

/** Where distributions put WebKitGTK's MiniBrowser (Debian/Ubuntu per architecture, Fedora, Arch). */
const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/webkit2gtk-4.1/MiniBrowser',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The full path of `command` on PATH, or null. */
export function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, command))) return join(dir, command);
  }
  return null;
}

export interface WebKitTools {
  driver: string;
  xvfb: string;
  miniBrowser: string;
}

/**
 * The driver, Xvfb and MiniBrowser, or what is missing (with the Debian
 * packages that provide it). `LESKRING_MINIBROWSER` overrides the MiniBrowser path.
 */
export function findWebKitTools(): { tools: WebKitTools } | { missing: string[] } {
  const driver = findOnPath('WebKitWebDriver');
  const xvfb = findOnPath('Xvfb');
  const override = process.env.LESKRING_MINIBROWSER;
  const miniBrowser =
    override !== undefined && override !== ''
      ? isExecutable(override)
        ? override
        : null
      : (MINIBROWSER_CANDIDATES.find(isExecutable) ?? null);
  const missing = [
    ...(driver === null ? ['WebKitWebDriver (package webkit2gtk-driver)'] : []),
    ...(xvfb === null ? ['Xvfb (package xvfb)'] : []),
    ...(miniBrowser === null ? ['MiniBrowser (package libwebkit2gtk-4.1-0)'] : []),
  ];
  if (driver === null || xvfb === null || miniBrowser === null) return { missing };
  return { tools: { driver, xvfb, miniBrowser } };
}

// ---------------------------------------------------------------------------
// Waiting

/**
 * Polls `condition` every `intervalMs` until it returns something other than
 * false, null or undefined, and returns that; throws after `timeoutMs`, with
 * `what` and the last error or value seen. Errors thrown by `condition` count
 * as "not yet".
 */
export async function waitFor<T>(
  condition: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== false && value !== null && value !== undefined) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${seen})`, {
        cause: last instanceof Error ? last : undefined,
      });
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, intervalMs));
  }
}

/** `promise`, or a rejection naming `what` once `timeoutMs` has passed. */
export async function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------
// Processes: Xvfb and the driver

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

/** A started process group, ended with SIGTERM and, if it lingers, SIGKILL. */
class ProcessGroup {
  readonly name: string;
  readonly child: ChildProcess;
  readonly output: string[] = [];
  exited = false;
  readonly #exit: Promise<void>;

  constructor(name: string, child: ChildProcess) {
    this.name = name;
    this.child = child;
    this.#exit = new Promise((resolvePromise) => {
      child.once('exit', () => {
        this.exited = true;
        resolvePromise();
      });
    });
    const collect = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 200) this.output.shift();
    };
    child.stderr?.on('data', collect);
    child.stdout?.on('data', collect);
    child.on('error', (error) => {
      this.output.push(String(error));
    });
  }

  /** Signals the whole group (the child is its leader: spawned detached). */
  signal(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // Already gone.
    }
  }

  async stop(graceMs = 3_000): Promise<void> {
    this.signal('SIGTERM');
    const ended = await Promise.race([
      this.#exit.then(() => true),
      new Promise<false>((resolvePromise) => setTimeout(() => resolvePromise(false), graceMs)),
    ]);
    // The leader may be gone while others of its group (MiniBrowser, web processes) are not.
    this.signal('SIGKILL');
    if (!ended) await this.#exit;
  }

  log(): string {
    return this.output.join('').split('\n').slice(-30).join('\n');
  }
}

/** Starts `command` as the leader of a new process group, its output collected. */
function spawnGroup(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ProcessGroup {
  const child = spawn(command, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new ProcessGroup(name, child);
}

async function startXvfb(xvfb: string): Promise<{ group: ProcessGroup; display: string }> {
  // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
  const group = spawnGroup(
    'Xvfb',
    xvfb,
    ['-displayfd', '1', '-screen', '0', '1024x1400x24', '-nolisten', 'tcp'],
    process.env,
  );
  let written = '';
  const display = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not report a display')), 20_000);
    group.child.stdout?.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8');
      const match = /^(\d+)\n/.exec(written);
      if (match) {
        clearTimeout(timer);
        resolvePromise(`:${match[1]}`);
      }
    });
    group.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) before reporting a display:\n${group.log()}`));
    });
  }).catch(async (error: unknown) => {
    await group.stop();
    throw error;
  });
  return { group, display };
}

export interface WebKitDriver {
  /** `http://127.0.0.1:<port>`: the driver's W3C WebDriver endpoint. */
  url: string;
  tools: WebKitTools;
  /** The X display the browser draws on (`:N`). */
  display: string;
  /** Opens a MiniBrowser session (one window, its own ephemeral storage). */
  newSession(): Promise<WebDriverSession>;
  /** The last lines the driver (with the browser) and Xvfb wrote, for a failure message. */
  log(): string;
  /** Ends every session, the driver, the browser and Xvfb (safe to call twice). */
  close(): Promise<void>;
}

/** Starts Xvfb and `WebKitWebDriver` on free ports; resolves once the driver is ready. */
export async function startWebKitDriver(tools: WebKitTools): Promise<WebKitDriver> {
  const xvfb = await startXvfb(tools.xvfb);
  const groups = [xvfb.group];
  const sessions = new Set<WebDriverSession>();
  // A worker that dies without afterAll must not leave a browser behind.
  const killAll = () => {
    for (const group of groups) group.signal('SIGKILL');
  };
  process.once('exit', killAll);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await Promise.allSettled([...sessions].map((session) => session.delete()));
      // The driver (and the browser with it) first, then the display it draws on.
      for (const group of [...groups].reverse()) await group.stop();
      process.off('exit', killAll);
    })();
    return closing;
  };
  try {
    const port = await freePort();
    const driver = spawnGroup(
      'WebKitWebDriver',
      tools.driver,
      [`--port=${port}`],
      // NO_AT_BRIDGE: no accessibility bus on a CI machine, and GTK need not look for one.
      { ...process.env, DISPLAY: xvfb.display, NO_AT_BRIDGE: '1' },
    );
    groups.push(driver);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => {
        if (driver.exited) throw new Error(`WebKitWebDriver exited:\n${driver.log()}`);
        const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2_000) });
        const body = (await response.json()) as { value?: { ready?: boolean } };
        return body.value?.ready === true;
      },
      20_000,
      'WebKitWebDriver to be ready',
    );
    const log = () => groups.map((group) => `[${group.name}]\n${group.log()}`).join('\n');
    return {
      url,
      tools,
      display: xvfb.display,
      async newSession() {
        const session = await WebDriverSession.create(url, {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: tools.miniBrowser, args: ['--automation'] },
        });
        sessions.add(session);
        return session;
      },
      log,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---------------------------------------------------------------------------
// The W3C WebDriver client

/** The W3C key under which an element reference travels. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export interface ElementRef {
  [ELEMENT_KEY]: string;
}

export function isElementRef(value: unknown): value is ElementRef {
  return typeof value === 'object' && value !== null && ELEMENT_KEY in value;
}

/** An error the driver answered with (`error` is the W3C error code, e.g. "no such element"). */
export class WebDriverError extends Error {
  readonly error: string;
  constructor(error: string, message: string, command: string) {
    super(`${command}: ${error}: ${message}`);
    this.name = 'WebDriverError';
    this.error = error;
  }
}

export type LocatorStrategy = 'css selector' | 'xpath' | 'link text' | 'partial link text';

/** One browser session. Every command has its own timeout, so a hung browser fails the test. */
export class WebDriverSession {
  readonly driverUrl: string;
  readonly id: string;
  readonly capabilities: Record<string, unknown>;
  #deleted: Promise<void> | undefined;

  private constructor(driverUrl: string, id: string, capabilities: Record<string, unknown>) {
    this.driverUrl = driverUrl;
    this.id = id;
    this.capabilities = capabilities;
  }

  static async create(
    driverUrl: string,
    alwaysMatch: Record<string, unknown>,
  ): Promise<WebDriverSession> {
    const value = await request<{ sessionId: string; capabilities: Record<string, unknown> }>(
      driverUrl,
      'POST',
      '/session',
      { capabilities: { alwaysMatch } },
      60_000,
    );
    return new WebDriverSession(driverUrl, value.sessionId, value.capabilities);
  }

  command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return request<T>(this.driverUrl, method, `/session/${this.id}${path}`, body);
  }

  /** Loads `url` and waits for its load event (page load strategy "normal"). */
  async navigate(url: string): Promise<void> {
    await this.command('POST', '/url', { url });
  }

  currentUrl(): Promise<string> {
    return this.command<string>('GET', '/url');
  }

  /** Reloads the page and waits for its load event. */
  async refresh(): Promise<void> {
    await this.command('POST', '/refresh', {});
  }

  async setWindowRect(rect: { width: number; height: number }): Promise<void> {
    await this.command('POST', '/window/rect', rect);
  }

  findElement(using: LocatorStrategy, value: string): Promise<ElementRef> {
    return this.command<ElementRef>('POST', '/element', { using, value });
  }

  findElements(using: LocatorStrategy, value: string): Promise<ElementRef[]> {
    return this.command<ElementRef[]>('POST', '/elements', { using, value });
  }

  /** Clicks the element's centre as a pointer would (scrolled into view; fails if covered). */
  async click(element: ElementRef): Promise<void> {
    await this.command('POST', `/element/${element[ELEMENT_KEY]}/click`, {});
  }

  /** Focuses the element and types `text` key by key. */
  async sendKeys(element: ElementRef, text: string): Promise<void> {
    await this.command('POST', `/element/${element[ELEMENT_KEY]}/value`, { text });
  }

  async clear(element: ElementRef): Promise<void> {
    await this.command('POST', `/element/${element[ELEMENT_KEY]}/clear`, {});
  }

  /** False for a disabled form control (a click on it does nothing). */
  enabled(element: ElementRef): Promise<boolean> {
    return this.command<boolean>('GET', `/element/${element[ELEMENT_KEY]}/enabled`);
  }

  text(element: ElementRef): Promise<string> {
    return this.command<string>('GET', `/element/${element[ELEMENT_KEY]}/text`);
  }

  attribute(element: ElementRef, name: string): Promise<string | null> {
    return this.command<string | null>('GET', `/element/${element[ELEMENT_KEY]}/attribute/${name}`);
  }

  /**
   * Runs `script` in the page, the way `page.evaluate` does: a function (its
   * source is sent, so it must not use anything from this module's scope)
   * called with `args`; a returned promise is awaited. DOM elements come back
   * as {@link ElementRef}s and may be passed back in `args`. A script that
   * throws rejects with the page's error message.
   */
  async executeScript<T, A extends unknown[] = unknown[]>(
    script: (...args: A) => T | Promise<T>,
    ...args: A
  ): Promise<T> {
    const wrapper = `
      const done = arguments[arguments.length - 1];
      const args = Array.prototype.slice.call(arguments, 0, -1);
      Promise.resolve()
        .then(() => (${script.toString()})(...args))
        .then(
          (value) => done({ ok: true, value: value === undefined ? null : value }),
          (error) => done({ ok: false, error: String((error && error.stack) || error) }),
        );`;
    const result = await this.command<{ ok: boolean; value?: T; error?: string }>(
      'POST',
      '/execute/async',
      { script: wrapper, args },
    );
    if (!result.ok) throw new Error(`script failed in the page: ${result.error}`);
    return result.value as T;
  }

  /** A PNG of the window as it is now. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.command<string>('GET', '/screenshot'), 'base64');
  }

  /** Ends the session (the browser closes). Safe to call twice; never throws. */
  delete(): Promise<void> {
    this.#deleted ??= this.command('DELETE', '').then(
      () => {},
      () => {},
    );
    return this.#deleted;
  }
}

async function request<T>(
  driverUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  timeoutMs = 45_000,
): Promise<T> {
  const what = `${method} ${path}`;
  const response = await fetch(`${driverUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: { value?: unknown };
  try {
    parsed = JSON.parse(text) as { value?: unknown };
  } catch {
    throw new Error(`${what}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  const value = parsed.value as { error?: unknown; message?: unknown } | null | undefined;
  if (!response.ok || (value !== null && typeof value === 'object' && 'error' in value)) {
    throw new WebDriverError(
      String(value?.error ?? `HTTP ${response.status}`),
      String(value?.message ?? text.slice(0, 200)),
      what,
    );
  }
  return parsed.value as T;
}
