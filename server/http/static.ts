import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
]);

/** Files (and fallbacks) under this prefix are content-hashed by Vite and never change. */
const IMMUTABLE_PREFIX = '/assets/';
const MAX_GZIP_CACHE_BYTES = 32 * 1024 * 1024;

export type StaticFiles = {
  /** Serves a GET/HEAD for a path outside /api, /sync and /healthz. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Leskring</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Leskring</h1>
<p>De server draait, maar de app is nog niet gebouwd. Voer <code>npm run build</code> uit en herstart de server.</p>
<p lang="en">The server is running, but the app has not been built yet. Run <code>npm run build</code> and restart the server.</p>
</body></html>
`;

/**
 * Static files from the built app: `/assets/*` immutable for a year,
 * everything else (index.html, sw.js, the manifest) `no-cache`. GET
 * navigations to paths that are not files fall back to index.html (SPA).
 * Paths never leave `distDir`.
 */
export function staticFiles(distDir: string): StaticFiles {
  const root = resolve(distDir);
  const gzipCache = new Map<string, Buffer>();
  let gzipCacheBytes = 0;

  async function findFile(
    pathname: string,
  ): Promise<{ path: string; size: number; mtimeMs: number } | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const path = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
    if (path !== root && !path.startsWith(root + sep)) return null;
    try {
      const info = await stat(path);
      if (info.isFile()) return { path, size: info.size, mtimeMs: info.mtimeMs };
      if (info.isDirectory()) {
        const index = join(path, 'index.html');
        const indexInfo = await stat(index);
        if (indexInfo.isFile())
          return { path: index, size: indexInfo.size, mtimeMs: indexInfo.mtimeMs };
      }
    } catch {
      return null;
    }
    return null;
  }

  function acceptsGzip(req: IncomingMessage): boolean {
    const header = req.headers['accept-encoding'];
    const value = Array.isArray(header) ? header.join(',') : (header ?? '');
    return value
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .some((part) => part === 'gzip' || (part.startsWith('gzip;') && !/q=0(\.0+)?$/.test(part)));
  }

  async function gzipped(file: { path: string; mtimeMs: number }): Promise<Buffer> {
    const key = `${file.path}:${file.mtimeMs}`;
    const cached = gzipCache.get(key);
    if (cached) return cached;
    const compressed = gzipSync(await readFile(file.path));
    if (gzipCacheBytes + compressed.length <= MAX_GZIP_CACHE_BYTES) {
      gzipCache.set(key, compressed);
      gzipCacheBytes += compressed.length;
    }
    return compressed;
  }

  function isNavigation(req: IncomingMessage, pathname: string): boolean {
    if (pathname.startsWith(IMMUTABLE_PREFIX)) return false;
    const accept = req.headers.accept ?? '';
    const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
    return accept.includes('text/html') || !lastSegment.includes('.');
  }

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    file: { path: string; size: number; mtimeMs: number },
    cacheControl: string,
  ): Promise<void> {
    const ext = extname(file.path).toLowerCase();
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    res.setHeader('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('ETag', etag);
    if (COMPRESSIBLE.has(ext)) res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    if (COMPRESSIBLE.has(ext) && file.size > 1024 && acceptsGzip(req)) {
      const body = await gzipped(file);
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, { 'Content-Length': file.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((done) => {
      const stream = createReadStream(file.path);
      stream.on('error', () => {
        res.destroy();
        done();
      });
      stream.on('end', done);
      stream.pipe(res);
    });
  }

  function sendPlain(res: ServerResponse, status: number, type: string, text: string): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-cache',
    });
    res.end(text);
  }

  return {
    async serve(req, res, pathname) {
      const file = await findFile(pathname);
      if (file) {
        const cacheControl = pathname.startsWith(IMMUTABLE_PREFIX)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache';
        await send(req, res, file, cacheControl);
        return;
      }
      if (isNavigation(req, pathname)) {
        const index = await findFile('/index.html');
        if (index) {
          await send(req, res, index, 'no-cache');
          return;
        }
        sendPlain(res, 503, 'text/html; charset=utf-8', NOT_BUILT_PAGE);
        return;
      }
      sendPlain(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    },
  };
}
