/**
 * Which store for the replica (issue 19, docs/decisions/016-replica.md): the replica's own operations on N
 * notification records in Chromium, through (a) our wrapper src/replica/idb.ts, (b) Dexie 4, (c) idb 8 and
 * (d) TanStack DB's IndexedDB collection. Per run and store: write all N in one bulk call, reopen and read all
 * back, put a sync page of 200 (100 new, 100 changed) into the N held, delete all; IndexedDB's size after the
 * write. Medians of the runs, and each library's used API bundled, minified and gzipped.
 *
 * `node scripts/bench/replica-stores.ts [--notifications 20000,2000] [--runs 5]`. The page code
 * (replica-stores/page.ts) is bundled with rolldown (Vite's bundler) and served on an origin of its own per
 * store and run (`http://STORE-N-RUN.localhost`, answered by Playwright, no server), in a persistent profile, so
 * that IndexedDB is on disk as in a person's browser, not in an incognito context's memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, type Plugin } from 'rolldown';
import { chromiumLaunchOptions } from '../chromium.ts';
import type { RunFigures, StoreName } from './replica-stores/page.ts';
import { storeTable, type StoreResult } from './replica-stores/table.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ROOT = here('../../');

const STORE_NAMES: Record<StoreName, string> = {
  wrapper: 'Our wrapper (src/replica/idb.ts)',
  dexie: 'Dexie 4.4.7',
  idb: 'idb 8.0.4',
  tanstack: 'TanStack DB 0.15.2 IndexedDB collection',
};

/** What each store's library brings to the bundle: an import of the API the replica would use. */
const USED_API: Record<StoreName, string> = {
  wrapper: `export { openDatabase, readAll, writeMany, deleteDatabases } from '${here('../../src/replica/idb.ts')}';`,
  dexie: `export { Dexie } from 'dexie';`,
  idb: `export { openDB, deleteDB } from 'idb';`,
  tanstack: `export { createCollection, createIndexedDB, createTransaction, indexedDBCollectionOptions } from '@tanstack/db';`,
};

const PRODUCTION = { 'process.env.NODE_ENV': '"production"' };

async function bundle(input: string, format: 'iife' | 'esm', plugins: Plugin[] = []) {
  const output = await build({
    input,
    cwd: ROOT,
    plugins,
    logLevel: 'silent',
    transform: { define: PRODUCTION },
    write: false,
    output: { format, minify: true },
  });
  const chunk = output.output[0];
  if (chunk.type !== 'chunk') throw new Error(`No code bundled from ${input}`);
  return chunk.code;
}

/** The minified bundle of a module's source (bare imports resolve from the project), gzipped at the default level. */
export async function gzipBytesOf(source: string): Promise<number> {
  const code = await bundle('used-api', 'esm', [
    {
      name: 'used-api',
      resolveId: (id: string) => (id === 'used-api' ? id : null),
      load: (id: string) => (id === 'used-api' ? source : null),
    },
  ]);
  return gzipSync(code).length;
}

async function measure(
  counts: number[],
  runs: number,
  sizes: Record<StoreName, number>,
): Promise<StoreResult[]> {
  const script = await bundle(here('./replica-stores/page.ts'), 'iife');
  const profile = mkdtempSync(join(tmpdir(), 'replica-stores-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    serviceWorkers: 'block',
  });
  try {
    await context.route(/^http:\/\/[a-z0-9-]+\.localhost\//, (route) =>
      route.fulfill(
        new URL(route.request().url()).pathname === '/bench.js'
          ? { contentType: 'text/javascript', body: script }
          : {
              contentType: 'text/html',
              body: '<!doctype html><title>replica stores</title><script src="/bench.js"></script>',
            },
      ),
    );
    const stores = Object.keys(STORE_NAMES) as StoreName[];
    const runOnce = async (store: StoreName, count: number, run: number) => {
      const page = await context.newPage();
      await page.goto(`http://${store}-${count}-${run}.localhost/`);
      await page.waitForFunction(() => 'replicaStores' in window);
      const figures = await page.evaluate(
        ({ store, count, run }) => window.replicaStores.run(store, count, run),
        { store, count, run },
      );
      await page.close();
      return figures;
    };
    // A warm-up, not counted: the browser's first database, page and compilation are no store's cost.
    for (const store of stores) await runOnce(store, 200, -1);
    const results: StoreResult[] = [];
    for (const count of counts) {
      const byStore = new Map<StoreName, RunFigures[]>(stores.map((store) => [store, []]));
      // Stores take turns within each run, each run starting with the next one, so that the machine's slow
      // moments fall on all of them. Each run has an origin of its own, so that the storage estimate holds its
      // database alone.
      for (let run = 0; run < runs; run++) {
        for (let turn = 0; turn < stores.length; turn++) {
          const store = stores[(turn + run) % stores.length] as StoreName;
          const figures = await runOnce(store, count, run);
          byStore.get(store)?.push(figures);
          console.error(
            `… ${store} ${count} run ${run + 1}: write ${figures.writeAllMs.toFixed(0)} ms, read ${figures.readAllMs.toFixed(0)} ms`,
          );
        }
      }
      for (const store of stores)
        results.push({
          store: STORE_NAMES[store],
          notifications: count,
          runs: byStore.get(store) ?? [],
          gzipBytes: sizes[store],
        });
    }
    return results;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      notifications: { type: 'string', default: '20000,2000' },
      runs: { type: 'string', default: '5' },
    },
  });
  const counts = values.notifications.split(',').map(Number);
  const runs = Number(values.runs);
  if (counts.some((count) => !Number.isInteger(count) || count < 200) || !(runs >= 1))
    throw new Error('--notifications takes whole numbers of at least 200, --runs at least 1');
  const sizes = Object.fromEntries(
    await Promise.all(
      (Object.keys(USED_API) as StoreName[]).map(
        async (store) => [store, await gzipBytesOf(USED_API[store])] as const,
      ),
    ),
  ) as Record<StoreName, number>;
  console.log(storeTable(await measure(counts, runs, sizes)));
}
