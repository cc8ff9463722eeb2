import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { api, startTestServer, tempDir } from './helpers.ts';

const INDEX = '<!doctype html><title>Leskring</title><div id="root"></div>';

async function fakeDist(): Promise<string> {
  const dist = await tempDir('leskring-dist-');
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(
    join(dist, 'assets', 'x-abc.js'),
    `console.log(${JSON.stringify('x'.repeat(4000))});`,
  );
  await writeFile(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
  await writeFile(join(dist, 'manifest.webmanifest'), '{"name":"Leskring"}');
  await writeFile(join(dist, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dist, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(dist, 'assets', 'font-abc.woff2'), Buffer.from([1, 2, 3]));
  await writeFile(join(dist, '..', 'secret.txt'), 'do not serve').catch(() => undefined);
  return dist;
}

/** A raw GET whose path is sent exactly as written (fetch would normalise `..`). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files and /healthz', () => {
  it('answers /healthz with the version', async () => {
    const { url } = await startTestServer({ version: '9.9.9-test' });
    const response = await api(url, 'GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', version: '9.9.9-test' });
  });

  it('caches hashed assets for a year and everything else no-cache, with the right types', async () => {
    const { url } = await startTestServer({ distDir: await fakeDist() });
    const asset = await fetch(`${url}/assets/x-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const expectations: Array<[string, string]> = [
      ['/', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/sw.js', 'text/javascript; charset=utf-8'],
      ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
      ['/icon.svg', 'image/svg+xml'],
      ['/icon-192.png', 'image/png'],
    ];
    for (const [path, type] of expectations) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('content-type'), path).toBe(type);
    }
    const font = await fetch(`${url}/assets/font-abc.woff2`);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('falls back to index.html for navigations, not for missing files or the API', async () => {
    const { url } = await startTestServer({ distDir: await fakeDist() });
    const deep = await fetch(`${url}/teams/abc/cycles/def`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toBe(INDEX);
    expect((await fetch(`${url}/join`)).status).toBe(200);

    expect((await fetch(`${url}/assets/missing-123.js`)).status).toBe(404);
    expect((await fetch(`${url}/missing.png`)).status).toBe(404);
    const apiMiss = await api(url, 'GET', '/api/whatever');
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.body.error.code).toBe('not_found');
    expect((await fetch(`${url}/sync`)).status).toBe(426);
    expect((await fetch(`${url}/index.html`, { method: 'POST' })).status).toBe(405);
  });

  it('never serves files outside distDir', async () => {
    const { url } = await startTestServer({ distDir: await fakeDist() });
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const response = await rawGet(url, path);
      expect(response.body, path).not.toContain('do not serve');
      expect([200, 400, 404], path).toContain(response.status);
    }
    expect((await rawGet(url, '/%00')).status).toBeLessThan(500);
  });

  it('gzips compressible files when the client accepts it and honours ETags', async () => {
    const { url } = await startTestServer({ distDir: await fakeDist() });
    const { hostname, port } = new URL(url);
    const response = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (resolve) => {
        request(
          { hostname, port, path: '/assets/x-abc.js', headers: { 'accept-encoding': 'gzip' } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        ).end();
      },
    );
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toContain('console.log');

    const first = await fetch(`${url}/index.html`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${url}/index.html`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves a friendly page when the app has not been built', async () => {
    const { url } = await startTestServer({ distDir: await tempDir('leskring-empty-') });
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
