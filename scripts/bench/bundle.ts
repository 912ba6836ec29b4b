import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The inbox route's JavaScript before first render may not exceed this many gzip bytes. */
export const INBOX_BUDGET_BYTES = 108 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Chunk {
  file: string;
  gzipBytes: number;
}

export interface BundleReport {
  /** Every chunk the entry imports statically: downloaded before the inbox renders. */
  initial: Chunk[];
  initialBytes: number;
  /** Chunks fetched later (lazy routes and dialogs, and what they share). */
  lazy: Chunk[];
}

/** Splits a Vite manifest into what the entry needs before first render and what loads on demand. */
export function measureBundle(
  manifest: Manifest,
  gzipBytesOf: (file: string) => number,
): BundleReport {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk');
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry[0]);
  const chunk = (key: string): Chunk => {
    const file = manifest[key]?.file ?? key;
    return { file, gzipBytes: gzipBytesOf(file) };
  };
  // Everything else is fetched later: lazy pages and dialogs, and the chunks they share.
  const lazyKeys = Object.keys(manifest).filter(
    (key) => !initial.has(key) && manifest[key]?.file.endsWith('.js'),
  );
  const initialChunks = [...initial]
    .filter((key) => manifest[key]?.file.endsWith('.js'))
    .map(chunk);
  return {
    initial: initialChunks,
    initialBytes: initialChunks.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0),
    lazy: lazyKeys.map(chunk),
  };
}

/** Measures a built dist/ folder (built with `build.manifest`). */
export function measureDist(dist = 'dist'): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  return measureBundle(manifest, (file) => gzipSync(readFileSync(join(dist, file))).length);
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
