/**
 * `npm run screens`: screenshots of the main states (inbox, reading pane, a feed, snoozed, team mode's sign-in), at
 * 1440×900 and on a 390×844 phone, light and dark, written to `screens/` (git-ignored), so that anyone can review
 * the look in a minute. It serves the built app (`npm run build` first) with the real server on a fresh demo
 * database, as the e2e tests do, and team mode beside it for the sign-in page.
 *
 * SCREENS_PORT (default 4360) and the next port are used; SCREENS_DIR changes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

const port = Number(process.env.SCREENS_PORT ?? 4360);
const teamPort = port + 1;
const outDir = resolve(process.env.SCREENS_DIR ?? 'screens');
const directory = mkdtempSync(join(tmpdir(), 'inbox-screens-'));

const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 }, hasTouch: false, isMobile: false },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
} as const;
const THEMES = ['light', 'dark'] as const;

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

async function startServer(serverPort: number, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      INBOX_DATA_DIR: join(directory, `data-${serverPort}`),
      INBOX_RATE_LIMITS: 'off',
      ...env,
    },
    stdio: 'ignore',
  });
  const probe = env.INBOX_MODE === 'team' ? '/auth/session' : '/api/v2/projects?page[size]=1';
  for (let attempt = 0; attempt < 300; attempt++) {
    const up = await fetch(`http://127.0.0.1:${serverPort}${probe}`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (up) return server;
    await new Promise((done) => setTimeout(done, 100));
  }
  server.kill('SIGTERM');
  throw new Error(`The server on port ${serverPort} did not start`);
}

type Shot = (page: Page, device: keyof typeof DEVICES) => Promise<void>;

const rows = (page: Page) => page.getByTestId('notification-row');

/** Each state: how to get there from a fresh page. */
const STATES: Record<string, Shot> = {
  inbox: async (page) => {
    await page.goto('/');
    await rows(page).first().waitFor();
  },
  pane: async (page, device) => {
    await page.goto('/');
    await rows(page).first().waitFor();
    await rows(page).nth(1).getByRole('link').first().click();
    if (device === 'desktop') await page.getByTestId('reading-pane').waitFor();
    else await page.waitForURL((url) => url.pathname !== '/');
    await page.waitForLoadState('networkidle');
  },
  feed: async (page) => {
    const answer = await page.request.get('/api/v2/notifications?filter[type]=task&page[size]=1');
    const body = (await answer.json()) as { data: { attributes: { target_id: number } }[] };
    await page.goto(`/tasks/${body.data[0]?.attributes.target_id ?? 1}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  },
  snoozed: async (page) => {
    await page.goto('/snoozed');
    await page.waitForLoadState('networkidle');
  },
};

async function shoot(browser: Browser, base: string, name: string, shot: Shot) {
  for (const [deviceName, device] of Object.entries(DEVICES) as [
    keyof typeof DEVICES,
    (typeof DEVICES)[keyof typeof DEVICES],
  ][]) {
    for (const colorScheme of THEMES) {
      const context = await browser.newContext({
        ...device,
        colorScheme,
        baseURL: base,
        serviceWorkers: 'block',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      try {
        await shot(page, deviceName);
        await page.waitForTimeout(150);
        const file = join(outDir, `${name}-${deviceName}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        log(`  ${file}`);
      } catch (error) {
        log(`  ${name} ${deviceName} ${colorScheme}: FAILED (${(error as Error).message})`);
        process.exitCode = 1;
      } finally {
        await context.close();
      }
    }
  }
}

if (!existsSync('dist/index.html')) {
  log('No build in dist/: run `npm run build` first.');
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const children: ChildProcess[] = [];
try {
  log(`demo server on ${port}, team mode on ${teamPort}`);
  children.push(await startServer(port, { INBOX_DB: join(directory, 'inbox.db') }));
  children.push(
    await startServer(teamPort, {
      INBOX_MODE: 'team',
      INBOX_SESSION_SECRET: randomBytes(48).toString('base64'),
      PRODUCTIVE_API_URL: `http://127.0.0.1:${port}/api/v2`,
    }),
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const [name, shot] of Object.entries(STATES))
      await shoot(browser, `http://127.0.0.1:${port}`, name, shot);
    await shoot(browser, `http://127.0.0.1:${teamPort}`, 'sign-in', async (page) => {
      await page.goto('/');
      await page.getByRole('button', { name: /sign in/i }).waitFor();
    });
  } finally {
    await browser.close();
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
}
