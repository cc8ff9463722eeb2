/**
 * Performance budget: initial JavaScript ≤ 200 KB gzipped.
 *
 * Counts the JavaScript the first page load needs: the scripts index.html
 * references plus their static import graph. With `dist/.vite/manifest.json`
 * the graph comes from the manifest (`imports`, not `dynamicImports`);
 * without it, from the module scripts and modulepreload links of index.html
 * and the static `import … from` statements inside those files. Each file is
 * gzipped on its own (zlib level 9, as a server would send it) and the sizes
 * are summed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BenchOutput, round } from './lib/report.ts';

export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Paths (relative to dist/) of local scripts and modulepreloads referenced by the HTML. */
export function scriptsInHtml(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const match of html.matchAll(tag)) {
    const element = match[0];
    const isScript = match[1]?.toLowerCase() === 'script';
    const attribute = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(element)?.[1];
    const url = isScript ? attribute('src') : attribute('href');
    if (url === undefined) continue;
    if (!isScript && attribute('rel')?.toLowerCase() !== 'modulepreload') continue;
    const local = toDistPath(url);
    if (local?.endsWith('.js')) found.push(local);
  }
  return found;
}

function toDistPath(url: string): string | null {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//') || url.startsWith('data:')) return null;
  return posix.normalize(url.split(/[?#]/)[0]?.replace(/^\//, '') ?? '');
}

/** Relative specifiers of the static imports/re-exports in a built ES module. */
export function staticImports(code: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [
    /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    /(?:^|[;\s}])export\s*(?:\*|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+)["']/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) if (match[1]) specifiers.add(match[1]);
  }
  return [...specifiers];
}

/** The dist-relative files of the initial JavaScript, and how they were found. */
export function initialScripts(distDir: string): { files: string[]; source: string } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = new Set<string>(scriptsInHtml(html));
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (chunk === undefined || files.has(chunk.file)) return;
      if (chunk.file.endsWith('.js')) files.add(chunk.file);
      for (const next of chunk.imports ?? []) visit(next);
    };
    for (const [key, chunk] of Object.entries(manifest)) {
      if (chunk.isEntry && (key === 'index.html' || chunk.src === 'index.html')) {
        files.delete(chunk.file);
        visit(key);
      }
    }
    // Chunks the HTML names directly also pull in their manifest imports.
    for (const chunk of Object.values(manifest)) {
      if (files.has(chunk.file)) for (const next of chunk.imports ?? []) visit(next);
    }
    return { files: [...files].sort(), source: '.vite/manifest.json + index.html' };
  }
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const path = join(distDir, file);
    if (!existsSync(path)) continue;
    for (const specifier of staticImports(readFileSync(path, 'utf8'))) {
      const next = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (!files.has(next)) {
        files.add(next);
        queue.push(next);
      }
    }
  }
  return { files: [...files].sort(), source: 'index.html + static imports' };
}

export async function run(distDir = DIST_DIR): Promise<BenchOutput> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No built app at ${distDir}: run npm run build first (npm run bench does).`);
  }
  const { files, source } = initialScripts(distDir);
  let gzipBytes = 0;
  let rawBytes = 0;
  const notes: string[] = [`initial JS from ${source}:`];
  for (const file of files) {
    const path = join(distDir, file);
    if (!existsSync(path)) {
      notes.push(`  ${file}: missing`);
      continue;
    }
    const content = readFileSync(path);
    const gzipped = gzipSync(content, { level: 9 }).length;
    rawBytes += content.length;
    gzipBytes += gzipped;
    notes.push(
      `  ${file}: ${round(content.length / 1024, 1)} KB raw, ${round(gzipped / 1024, 1)} KB gzip`,
    );
  }
  notes.push(`  total: ${files.length} files, ${round(rawBytes / 1024, 1)} KB raw`);
  return {
    results: [
      { name: 'initial-js-gzip', value: round(gzipBytes / 1024, 1), unit: 'KB', budget: 200 },
    ],
    notes,
  };
}
