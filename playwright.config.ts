import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4319);
// Each run gets a fresh demo database, so tests that change data never see another run's changes.
const directory = mkdtempSync(join(tmpdir(), 'inbox-e2e-'));
const database = process.env.E2E_DB ?? join(directory, 'inbox.db');
process.env.E2E_DB = database;
/** A second server over a large database, for the virtualized list. */
export const LARGE_PORT = port + 1;
const largeDatabase = process.env.E2E_LARGE_DB ?? join(directory, 'large.db');
process.env.E2E_LARGE_DB = largeDatabase;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  // One retry in CI guards the submission against a rare browser-level flake; a real failure still fails twice.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    // The app's service worker (offline shell) would hide requests from page.route(); the offline test allows it.
    serviceWorkers: 'block',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'node server/main.ts',
      url: `http://127.0.0.1:${port}/api/v2/projects`,
      reuseExistingServer: false,
      // The suite makes many requests quickly; the rate windows are tested where a spec asks for them.
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        INBOX_DB: database,
        INBOX_TEST_CLOCK: '1',
        INBOX_RATE_LIMITS: 'off',
      },
      stdout: 'pipe',
      timeout: 60_000,
    },
    {
      command: 'node server/main.ts',
      url: `http://127.0.0.1:${LARGE_PORT}/api/v2/projects`,
      reuseExistingServer: false,
      env: {
        PORT: String(LARGE_PORT),
        HOST: '127.0.0.1',
        INBOX_DB: largeDatabase,
        INBOX_SEED_NOTIFICATIONS: '13000',
        INBOX_RATE_LIMITS: 'off',
      },
      stdout: 'pipe',
      timeout: 60_000,
    },
  ],
});
