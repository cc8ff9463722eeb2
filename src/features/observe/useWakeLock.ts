import { useEffect, useState } from 'react';

export type WakeLockState = 'on' | 'off' | 'unsupported';

/**
 * Keeps the screen on while `active` (Screen Wake Lock API). The browser
 * releases the lock whenever the page is hidden, so it is asked for again
 * each time the page becomes visible, and on every tap while it is off:
 * Safari (WebKit) grants it only inside a tap, so after a reload or a return
 * to the app the first tap gets it back.
 */
export function useWakeLock(active: boolean): WakeLockState {
  const supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [state, setState] = useState<WakeLockState>(supported ? 'off' : 'unsupported');
  useEffect(() => {
    if (!active || !supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let live = true;
    const request = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const next = await navigator.wakeLock.request('screen');
        if (!live) {
          void next.release();
          return;
        }
        sentinel = next;
        setState('on');
        next.addEventListener('release', () => live && setState('off'));
      } catch {
        // Refused (battery saver, not visible, policy): the screen may go off; say so.
        if (live) setState('off');
      }
    };
    void request();
    document.addEventListener('visibilitychange', request);
    document.addEventListener('pointerdown', request, { passive: true });
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', request);
      document.removeEventListener('pointerdown', request);
      void sentinel?.release().catch(() => {});
    };
  }, [active, supported]);
  return state;
}
