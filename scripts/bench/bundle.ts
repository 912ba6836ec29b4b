import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The app's initial JavaScript may weigh at most this many times the stack floor's (scripts/bench/floor/). */
export const MAX_FLOOR_RATIO = 1.5;

export interface Chunk {
  file: string;
  gzipBytes: number;
}

export interface BundleReport {
  /** The scripts the page itself loads (its module scripts and modulepreloads): downloaded before first render. */
  initial: Chunk[];
  initialBytes: number;
  /** Chunks fetched later (other pages, dialogs, and what they share). */
  lazy: Chunk[];
}

/** The JavaScript files a built page loads before anything runs: `<script src>` and `<link rel=modulepreload>`. */
export function initialScriptsOf(html: string): string[] {
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const isScript = tag.startsWith('<script');
    if (!isScript && !/\brel="modulepreload"/.test(tag)) continue;
    const address = /\b(?:src|href)="\/?([^"]+\.js)"/.exec(tag)?.[1];
    if (address) files.add(address);
  }
  return [...files];
}

/** Splits a built page's JavaScript into what it loads before first render and what loads on demand. */
export function measureBundle(
  html: string,
  allScripts: readonly string[],
  gzipBytesOf: (file: string) => number,
): BundleReport {
  const initialFiles = initialScriptsOf(html);
  if (initialFiles.length === 0) throw new Error('The page loads no script');
  const chunk = (file: string): Chunk => ({ file, gzipBytes: gzipBytesOf(file) });
  const initial = initialFiles.map(chunk);
  return {
    initial,
    initialBytes: initial.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0),
    lazy: allScripts.filter((file) => !initialFiles.includes(file)).map(chunk),
  };
}

/** Measures a built folder (Vite's dist/: index.html and assets/), gzip at the default level. */
export function measureDist(dist = 'dist'): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  return measureBundle(html, scripts, (file) => gzipSync(readFileSync(join(dist, file))).length);
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
