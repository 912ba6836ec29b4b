import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.ts';
import { seedDatabase } from '../seed/generate.ts';
import { createDemoApi } from '../api/router.ts';
import { createApp } from '../http/app.ts';

/** The moment test data is anchored to, so every run sees the same data. */
export const TEST_NOW = Date.UTC(2026, 10, 1, 12, 0, 0);

/**
 * The demo API's clock in tests: it starts a minute after TEST_NOW and runs on, so what a test writes (a comment) is
 * newer than the seeded data whatever the machine's date (docs/testing.md).
 */
export function clockFromTestNow(): () => number {
  const started = Date.now();
  return () => TEST_NOW + 60_000 + (Date.now() - started);
}

export interface TestServer {
  db: Database;
  /** The clock the demo API writes with. */
  now: () => number;
  path: string;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  json: (
    path: string,
    init?: RequestInit,
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
}

export function createTestServer(
  options: { notifications?: number; path?: string; seed?: boolean; now?: () => number } = {},
): TestServer {
  const path = options.path ?? join(mkdtempSync(join(tmpdir(), 'inbox-test-')), 'inbox.db');
  const db = openDatabase(path);
  if (options.seed !== false)
    seedDatabase(db, { seed: 7, notifications: options.notifications ?? 400, now: TEST_NOW });
  const now = options.now ?? clockFromTestNow();
  const app = createApp({ api: createDemoApi(db, { now }) });
  const request = async (url: string, init?: RequestInit) => app.request(url, init);
  return {
    db,
    now,
    path,
    request,
    json: async (url, init) => {
      const response = await request(url, init);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

export const PATCH_INIT: RequestInit = {
  method: 'PATCH',
  headers: { 'Content-Type': 'application/vnd.api+json' },
};

type Item = {
  id: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
};

/** Every record of a list, following page numbers. */
export async function fetchAll(server: TestServer, path: string): Promise<Item[]> {
  const items: Item[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; page < 1000; page++) {
    const { body } = await server.json(`${path}${separator}page[size]=200&page[number]=${page}`);
    const data = body.data as Item[];
    items.push(...data);
    if (!(body.links as Record<string, string>).next) break;
  }
  return items;
}
