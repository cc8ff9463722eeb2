import { useSyncExternalStore } from 'react';

export type Toast = {
  readonly id: number;
  readonly message: string;
  readonly action?: { readonly label: string; readonly run: () => void };
};

const TOAST_MS = 6000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a short message, optionally with one action such as "Undo". */
export function showToast(message: string, action?: Toast['action']): void {
  const id = nextId++;
  emit([...toasts, action ? { id, message, action } : { id, message }]);
  setTimeout(() => dismissToast(id), TOAST_MS);
}

export function dismissToast(id: number): void {
  emit(toasts.filter((toast) => toast.id !== id));
}

/** Takes away every toast that offers an action (an Undo that no longer applies). */
export function dismissActionToasts(): void {
  emit(toasts.filter((toast) => !toast.action));
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}
