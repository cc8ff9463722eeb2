/**
 * Where the server lives. In the app the HTTP API and the sync endpoint share
 * the page's origin (the server serves both on one port); tests point them
 * elsewhere with {@link configureServer}.
 */
export type ServerConfig = {
  /** Base URL of the HTTP API, without a trailing slash. Default: `location.origin`. */
  apiBase?: string;
  /** WebSocket URL of the sync endpoint. Default: `ws(s)://location.host/sync`. */
  syncUrl?: string;
  /** fetch implementation for the API client. Default: the global `fetch`, looked up per call. */
  fetch?: typeof fetch;
  /** Per-request timeout of the API client in milliseconds. Default: 10 000. */
  requestTimeoutMs?: number;
};

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const FALLBACK_ORIGIN = 'http://localhost:8787';

let config: ServerConfig = {};

/** Overrides parts of the server configuration; pass `{}` to restore the defaults. */
export function configureServer(next: ServerConfig): void {
  config = { ...next };
}

function pageLocation(): { origin: string; host: string; protocol: string } | null {
  const loc = (globalThis as { location?: Location }).location;
  return loc && typeof loc.origin === 'string' ? loc : null;
}

export function apiBaseUrl(): string {
  return (config.apiBase ?? pageLocation()?.origin ?? FALLBACK_ORIGIN).replace(/\/+$/, '');
}

export function syncUrl(): string {
  if (config.syncUrl !== undefined) return config.syncUrl;
  const loc = pageLocation();
  if (!loc) return `${FALLBACK_ORIGIN.replace(/^http/, 'ws')}/sync`;
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/sync`;
}

export function serverFetch(): typeof fetch {
  return config.fetch ?? globalThis.fetch.bind(globalThis);
}

export function requestTimeoutMs(): number {
  return config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
}
