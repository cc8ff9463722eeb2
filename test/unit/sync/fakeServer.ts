import { configureServer } from '../../../src/sync/serverUrl.ts';

/** A recorded request to the fake API. */
export type FakeRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
};

export type FakeHandler = (req: FakeRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * Points the API client at an in-process fake `fetch` that records requests
 * and answers with `handler`; returns the recorded requests.
 */
export function fakeApi(
  handler: FakeHandler,
  /** Where providers connect; by default a closed local port, refused at once. */
  syncUrl = 'ws://127.0.0.1:9/sync',
): { requests: FakeRequest[] } {
  const requests: FakeRequest[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const req: FakeRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(req);
    const signal = init?.signal;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return await new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      Promise.resolve()
        .then(() => handler(req))
        .then(resolve, reject);
    });
  };
  configureServer({ apiBase: 'http://api.test', syncUrl, fetch: fakeFetch });
  return { requests };
}

export const offline: FakeHandler = () => {
  throw new TypeError('Failed to fetch');
};
