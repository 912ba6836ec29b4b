/**
 * Where a filter change and a search keystroke spend their time with N notifications held (issue 19, decision
 * 016): a CPU profile of each (CDP `Profiler`) summed by function, and Chromium's own counters (script, layout,
 * style) around them.
 *
 * `node scripts/bench/profile-list.ts [--notifications 20000] [--db PATH] [--out DIR]` (after `npm run build`):
 * seeds a database (or reuses --db), runs the server on BENCH_PORT (default 4396), and keeps the browser's
 * profile in --out so that a second run starts from the replica on the device.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function (ms), highest first. */
function selfTimes(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time by function (ms): the time a function and what it called were on the stack. */
function totalTimes(profile: CpuProfile): [string, number][] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node) break;
      const { functionName, url, lineNumber } = node.callFrame;
      const name = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
    }
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await session.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** One change of an input to the frame after the list's count changed, profiled. */
async function profileChange(
  page: Page,
  session: CDPSession,
  label: string,
  selector: string,
  values: string[],
  out: string,
) {
  const before = await metrics(session);
  await session.send('Profiler.start');
  const times = await page.evaluate(
    async ({ selector, values }) => {
      const element = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      if (!element) throw new Error(`No ${selector}`);
      const prototype =
        element instanceof HTMLSelectElement
          ? HTMLSelectElement.prototype
          : HTMLInputElement.prototype;
      const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
      const result: number[] = [];
      for (const value of values) {
        const summary = document.querySelector('[data-testid="list-summary"]')?.textContent;
        const start = performance.now();
        setValue?.call(element, value);
        element.dispatchEvent(
          new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
        );
        while (document.querySelector('[data-testid="list-summary"]')?.textContent === summary) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (performance.now() - start > 5000) break;
        }
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        result.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return result;
    },
    { selector, values },
  );
  const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
  const after = await metrics(session);
  writeFileSync(join(out, `${label}.cpuprofile`), JSON.stringify(profile));
  console.log(`\n## ${label}: ${times.map((time) => time.toFixed(1)).join(', ')} ms`);
  for (const name of ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration'])
    console.log(`${name}: ${(((after[name] ?? 0) - (before[name] ?? 0)) * 1000).toFixed(1)} ms`);
  console.log('self:');
  for (const [name, time] of selfTimes(profile).slice(0, 25))
    console.log(`  ${time.toFixed(1).padStart(7)}  ${name}`);
  console.log('total:');
  for (const [name, time] of totalTimes(profile).slice(0, 40))
    console.log(`  ${time.toFixed(1).padStart(7)}  ${name}`);
}

const { values } = parseArgs({
  options: {
    notifications: { type: 'string', default: '20000' },
    db: { type: 'string' },
    out: { type: 'string', default: '/tmp/inbox-profile' },
  },
});
const out = values.out;
mkdirSync(out, { recursive: true });
const database = values.db ?? join(out, 'bench.db');
if (!existsSync(database)) {
  const seeded = spawnSync(
    process.execPath,
    ['server/seed-cli.ts', '--notifications', values.notifications, '--db', database],
    { stdio: 'inherit' },
  );
  if (seeded.status !== 0) throw new Error('Seeding failed');
}
const port = Number(process.env.BENCH_PORT ?? 4396);
const server = spawn(process.execPath, ['server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    INBOX_DB: database,
    INBOX_DATA_DIR: join(out, 'data'),
    INBOX_RATE_LIMITS: 'off',
  },
  stdio: 'ignore',
});
try {
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(`${base}/api/v2/projects?page[size]=1`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 300) throw new Error('The server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const total = (
    (await (
      await fetch(`${base}/api/v2/notifications?filter[dismissed]=false&page[size]=1`)
    ).json()) as { meta: { total_count: number } }
  ).meta.total_count;
  const context = await chromium.launchPersistentContext(join(out, 'browser'), {
    ...chromiumLaunchOptions,
    serviceWorkers: 'block',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/`);
    await page.waitForFunction(
      (total) => {
        const text = document.querySelector('[data-testid="list-summary"]')?.textContent ?? '';
        // The sidebar's unread count shows only once the first sync is complete.
        const synced = document.querySelector('[data-view="inbox"] [data-testid="unread-count"]');
        return (
          synced !== null &&
          text.endsWith(' notifications') &&
          text.replace(/\D/g, '') === String(total)
        );
      },
      total,
      { timeout: 600_000, polling: 100 },
    );
    console.log(`${total} held`);
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    const readId = await page.getByLabel('Read state').getAttribute('id');
    const searchId = await page
      .getByRole('searchbox', { name: 'Search notifications' })
      .getAttribute('id');
    const css = (id: string | null) =>
      `#${(id ?? '').replace(/[^a-zA-Z0-9_-]/g, (char) => `\\${char.codePointAt(0)?.toString(16)} `)}`;
    // Warm: the first search builds each notification's searchable text.
    await profileChange(page, session, 'warm-search', css(searchId), ['login', ''], out);
    await profileChange(page, session, 'filter', css(readId), ['unread', 'read', ''], out);
    await profileChange(page, session, 'search', css(searchId), ['client', '', 'review', ''], out);
  } finally {
    await context.close();
  }
} finally {
  server.kill('SIGTERM');
}
