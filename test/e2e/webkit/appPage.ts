/**
 * The app as the WebKit smoke journey sees it through WebDriver: elements are
 * found the way a user finds them (a button by its name, a field by its
 * label), with the names taken from the Dutch messages by the spec. The
 * locating runs in the page (one script per attempt) and, like Playwright's
 * locators, refuses an ambiguous match.
 */
import { type ElementRef, isElementRef, type WebDriverSession, waitFor } from './webdriver.ts';

export type Role = 'button' | 'link' | 'tab' | 'heading' | 'timer' | 'region';

/** What to look for: a role with an accessible name, or a form field by its label text. */
export type Query =
  | {
      role: Role;
      /** The accessible name (aria-label, aria-labelledby, or the text). */
      name: string;
      /** Match names that start with `name` (e.g. a tally button whose name ends with its count). */
      prefix?: boolean;
      /** Only inside elements matching this CSS selector. */
      within?: string;
    }
  | { label: string; within?: string }
  | { css: string; within?: string };

function describeQuery(query: Query): string {
  const where = query.within ? ` in ${query.within}` : '';
  if ('label' in query) return `field labelled "${query.label}"${where}`;
  if ('css' in query) return `${query.css}${where}`;
  return `${query.role} "${query.name}"${query.prefix ? '…' : ''}${where}`;
}

/**
 * Runs in the page: the visible elements matching `query`. Self-contained (its
 * source is sent to the browser).
 */
function locateInPage(query: Query): Element[] {
  const normalize = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const visible = (element: Element) =>
    element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const accessibleName = (element: Element) => {
    const label = element.getAttribute('aria-label');
    if (label) return normalize(label);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      return normalize(
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    return normalize(element.textContent);
  };
  const selectors: Record<Role, string> = {
    button: 'button, [role="button"]',
    link: 'a[href], [role="link"]',
    tab: '[role="tab"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    timer: '[role="timer"]',
    region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  };
  const roots: ParentNode[] = query.within
    ? [...document.querySelectorAll(query.within)]
    : [document];
  const found = new Set<Element>();
  for (const root of roots) {
    if ('label' in query) {
      for (const label of root.querySelectorAll('label')) {
        const control = label.control;
        if (normalize(label.textContent) === query.label && control && visible(control)) {
          found.add(control);
        }
      }
    } else if ('css' in query) {
      for (const element of root.querySelectorAll(query.css)) {
        if (visible(element)) found.add(element);
      }
    } else {
      for (const element of root.querySelectorAll(selectors[query.role])) {
        const name = accessibleName(element);
        const matches = query.prefix ? name.startsWith(query.name) : name === query.name;
        if (matches && visible(element)) found.add(element);
      }
    }
  }
  return [...found];
}

export interface ShownConnection {
  status: string;
  unsynced: number;
}

export class WebKitApp {
  readonly session: WebDriverSession;
  /** The origin the app is loaded from, e.g. `http://127.0.0.1:1234`. */
  readonly baseUrl: string;

  constructor(session: WebDriverSession, baseUrl: string) {
    this.session = session;
    this.baseUrl = baseUrl;
  }

  /** Loads `path` (a full page load) and waits for its load event. */
  goto(path: string): Promise<void> {
    return this.session.navigate(new URL(path, this.baseUrl).href);
  }

  async path(): Promise<string> {
    return new URL(await this.session.currentUrl()).pathname;
  }

  /** Waits until the URL's path matches `pattern`; returns the match. */
  waitForPath(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
    return waitFor(
      async () => pattern.exec(await this.path()),
      timeoutMs,
      `a page whose path matches ${pattern}`,
    );
  }

  /** The single visible element matching `query` now, or null; throws if several match. */
  async find(query: Query): Promise<ElementRef | null> {
    const found = await this.session.executeScript(locateInPage, query);
    if (found.length > 1) {
      throw new Error(`${found.length} elements match ${describeQuery(query)}, expected one`);
    }
    const [element] = found as unknown[];
    return isElementRef(element) ? element : null;
  }

  /** Waits until exactly one visible element matches `query`. */
  waitForElement(query: Query, timeoutMs = 15_000): Promise<ElementRef> {
    return waitFor(() => this.find(query), timeoutMs, describeQuery(query));
  }

  /** Waits until exactly one visible element matches `query` and it is enabled. */
  waitForEnabled(query: Query, timeoutMs = 15_000): Promise<ElementRef> {
    return waitFor(
      async () => {
        const element = await this.find(query);
        return element !== null && (await this.session.enabled(element)) ? element : null;
      },
      timeoutMs,
      `${describeQuery(query)} to be enabled`,
    );
  }

  /**
   * Clicks the element once it is there and enabled (as Playwright's click
   * waits): a click on a button still disabled, e.g. "Start observatie" while
   * the built-in kijkwijzers load, would do nothing.
   */
  async click(query: Query, timeoutMs = 15_000): Promise<void> {
    await this.session.click(await this.waitForEnabled(query, timeoutMs));
  }

  /** Empties the field and types `text` into it, key by key. */
  async fill(query: Query, text: string): Promise<void> {
    const field = await this.waitForEnabled(query);
    await this.session.clear(field);
    await this.session.sendKeys(field, text);
  }

  /** Waits until the element's text (trimmed) is `text`. */
  async waitForText(query: Query, text: string, timeoutMs = 15_000): Promise<void> {
    await waitFor(
      async () => {
        const element = await this.find(query);
        return element !== null && (await this.session.text(element)).trim() === text;
      },
      timeoutMs,
      `${describeQuery(query)} to show "${text}"`,
    );
  }

  /** What the header's connection badge shows. */
  connection(): Promise<ShownConnection | null> {
    return this.session.executeScript(() => {
      const badge = document.querySelector<HTMLElement>('header output.connection');
      if (badge === null) return null;
      return {
        status: badge.dataset.status ?? '',
        unsynced: Number(badge.dataset.unsynced ?? '0'),
      };
    });
  }

  /** Waits until the badge satisfies `accept`; returns what it showed. */
  waitForConnection(
    accept: (shown: ShownConnection) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<ShownConnection> {
    return waitFor(
      async () => {
        const shown = await this.connection();
        return shown !== null && accept(shown) ? shown : null;
      },
      timeoutMs,
      `the connection badge to show ${what}`,
      200,
    );
  }

  /** Waits until the badge says online with nothing left unsynced. */
  waitForSynced(timeoutMs = 15_000): Promise<ShownConnection> {
    return this.waitForConnection(
      (shown) => shown.status === 'online' && shown.unsynced === 0,
      'online with nothing unsynced',
      timeoutMs,
    );
  }

  /**
   * Starts collecting uncaught errors, unhandled rejections and
   * `console.error` of the current page (WebDriver has no console log, and
   * MiniBrowser's console-to-stdout setting does not apply in automation
   * mode). A full page load ends the collection: call again after one.
   */
  async watchErrors(): Promise<void> {
    await this.session.executeScript(() => {
      const errors: string[] = [];
      Object.assign(window, { __leskringErrors: errors });
      const consoleError = console.error.bind(console);
      console.error = (...args: unknown[]) => {
        errors.push(args.map(String).join(' '));
        consoleError(...args);
      };
      addEventListener('error', (event) => errors.push(`uncaught: ${event.message}`));
      addEventListener('unhandledrejection', (event) =>
        errors.push(`unhandled rejection: ${String(event.reason)}`),
      );
    });
  }

  /** What `watchErrors()` collected since it was called on this page. */
  errors(): Promise<string[]> {
    return this.session.executeScript(
      () =>
        (window as unknown as { __leskringErrors?: string[] }).__leskringErrors ?? ['not watching'],
    );
  }

  /** The service worker's registration and whether one controls the page (for waiting and for failure messages). */
  serviceWorkerState(): Promise<{
    installing: boolean;
    waiting: boolean;
    active: string | null;
    controlled: boolean;
  }> {
    return this.session.executeScript(async () => {
      const registration =
        'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
      return {
        installing: Boolean(registration?.installing),
        waiting: Boolean(registration?.waiting),
        active: registration?.active?.state ?? null,
        controlled: 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null,
      };
    });
  }

  /** Whether an activated service worker controls the page. */
  async serviceWorkerControls(): Promise<boolean> {
    const state = await this.serviceWorkerState();
    return state.active === 'activated' && state.controlled;
  }

  /** Waits until an activated service worker controls the page (after the first visit `clientsClaim()` takes it over). */
  async waitForServiceWorkerControl(timeoutMs = 15_000): Promise<void> {
    let last: unknown = null;
    try {
      await waitFor(
        async () => {
          const state = await this.serviceWorkerState();
          last = state;
          return state.active === 'activated' && state.controlled;
        },
        timeoutMs,
        'the service worker to control the page',
      );
    } catch (error) {
      // How far the worker got: never installed, stuck installing (a precache fetch failing), or not claiming.
      throw new Error(`${(error as Error).message}; registration: ${JSON.stringify(last)}`, {
        cause: error,
      });
    }
  }

  /** The membership token this device stored for `teamId` (Dexie `leskring.memberships`). */
  storedToken(teamId: string): Promise<string | null> {
    return this.session.executeScript(
      (id: string) =>
        new Promise<string | null>((resolvePromise, reject) => {
          const open = indexedDB.open('leskring');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('memberships').objectStore('memberships').get(id);
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              db.close();
              const stored = request.result as { token?: string | null } | undefined;
              resolvePromise(stored?.token ?? null);
            };
          };
        }),
      teamId,
    );
  }
}
