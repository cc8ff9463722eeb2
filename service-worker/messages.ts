/** Messages from the page to the service worker: one typed union, checked on arrival. */
export type WorkerMessage = { readonly type: 'SKIP_WAITING' };

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'SKIP_WAITING'
  );
}
