import { useSyncExternalStore } from 'react';
import { useInstallState } from './installPrompt.ts';

/** What of `navigator` tells an iPad or iPhone apart; a parameter so the rule can be tested. */
export type DeviceHints = {
  readonly platform: string;
  readonly maxTouchPoints: number;
  readonly userAgent: string;
};

/**
 * An iPad or iPhone, where Safari deletes everything a site stored after 7
 * days without a visit unless the site is on the home screen. iPadOS says
 * "Macintosh" in its user agent and "MacIntel" as its platform; only its
 * touch points tell it from a Mac (which has none: Macs have no touch screen).
 */
export function isAppleTouchDevice(hints: DeviceHints): boolean {
  if (/\b(iPad|iPhone|iPod)\b/.test(hints.userAgent)) return true;
  return hints.platform === 'MacIntel' && hints.maxTouchPoints > 0;
}

function readDeviceHints(): DeviceHints | null {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return null;
  return { platform: nav.platform, maxTouchPoints: nav.maxTouchPoints, userAgent: nav.userAgent };
}

/** Started from the home screen: Safari's own flag, or the display mode every browser reports. */
function startedFromHomeScreen(): boolean {
  const nav = globalThis.navigator as (Navigator & { standalone?: boolean }) | undefined;
  return nav?.standalone === true || globalThis.matchMedia?.('(display-mode: standalone)').matches;
}

/**
 * True on an iPad or iPhone where Leskring runs in Safari rather than from the
 * home screen: its data is then deleted after 7 days without a visit.
 */
export function useAtRiskOfEviction(): boolean {
  const install = useInstallState();
  const hints = readDeviceHints();
  return (
    install !== 'installed' &&
    hints !== null &&
    isAppleTouchDevice(hints) &&
    !startedFromHomeScreen()
  );
}

const DISMISSED_KEY = 'leskring:homeScreenGuide:dismissed';
const listeners = new Set<() => void>();

function readDismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the teacher closed the home-screen steps on this device, and the way to close them. */
export function useGuideDismissed(): [boolean, () => void] {
  const dismissed = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, readDismissed);
  const dismiss = () => {
    try {
      globalThis.localStorage?.setItem(DISMISSED_KEY, '1');
    } catch {
      // Private browsing may refuse: the steps then show again next time, which is harmless.
    }
    for (const listener of listeners) listener();
  };
  return [dismissed, dismiss];
}
