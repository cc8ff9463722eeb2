/**
 * A background job that keeps trying until nothing is left to do: the team
 * registration and the photo outbox. `run()` shares one pass between
 * concurrent callers (plus one more pass if a call arrived meanwhile);
 * `start()` runs it now, whenever the browser comes online, and every
 * `intervalMs` while `hasWork()` says something is pending.
 */
export type BackgroundRetry = {
  run(): Promise<void>;
  /** Returns the stop function; several starts need as many stops. */
  start(): () => void;
};

export function backgroundRetry(options: {
  pass: () => Promise<void>;
  hasWork: () => Promise<boolean>;
  /** Milliseconds between attempts while work is pending. */
  intervalMs: number;
}): BackgroundRetry {
  let running: Promise<void> | null = null;
  let rerun = false;
  let starts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function clearTimer(): void {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function scheduleNextAttempt(): void {
    clearTimer();
    if (starts === 0) return;
    void options.hasWork().then((pending) => {
      if (starts === 0 || retryTimer !== null || !pending) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void run().catch(() => {});
      }, options.intervalMs);
    });
  }

  function run(): Promise<void> {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          rerun = false;
          await options.pass();
        } while (rerun);
      } finally {
        running = null;
        scheduleNextAttempt();
      }
    })();
    return running;
  }

  const onOnline = () => void run().catch(() => {});

  function start(): () => void {
    starts++;
    const win = typeof window !== 'undefined' ? window : null;
    win?.addEventListener('online', onOnline);
    onOnline();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      starts--;
      win?.removeEventListener('online', onOnline);
      if (starts === 0) clearTimer();
    };
  }

  return { run, start };
}
