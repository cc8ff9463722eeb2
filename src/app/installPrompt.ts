import { useSyncExternalStore } from 'react';

type InstallPromptEvent = Event & {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: string }>;
};

export type InstallState = 'available' | 'installed' | 'manual';

let deferred: InstallPromptEvent | null = null;
let state: InstallState = 'manual';
const listeners = new Set<() => void>();

function set(next: InstallState): void {
  state = next;
  for (const listener of listeners) listener();
}

/**
 * Chromium fires `beforeinstallprompt` once, early; it is captured at start-up
 * so Settings can offer "install" later. Safari has no such event: 'manual'.
 */
export function watchInstallPrompt(): void {
  if (typeof window === 'undefined') return;
  if (window.matchMedia?.('(display-mode: standalone)').matches) state = 'installed';
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as InstallPromptEvent;
    set('available');
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    set('installed');
  });
}

export async function promptInstall(): Promise<void> {
  if (!deferred) return;
  await deferred.prompt();
  const { outcome } = await deferred.userChoice;
  deferred = null;
  set(outcome === 'accepted' ? 'installed' : 'manual');
}

export function useInstallState(): InstallState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
