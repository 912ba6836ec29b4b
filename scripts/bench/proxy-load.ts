/**
 * Team mode through the proxy under load, beside demo mode: 150 clients each polling as fast as they are answered
 * (a closed loop) for the inbox's first page. Three figures at the same load: the stand-in for Productive asked
 * directly (its own latency), team mode through the proxy to that stand-in (each client with its own session), and
 * demo mode. Goal: the proxy adds no more than 2× the stand-in's own latency (p50).
 *
 * Fair to both: the same clients, sessions' people and page; each load warmed up before it is counted (connections,
 * compiled code); the stand-in alone and through the proxy take turns in rounds, pooled, so a machine busier at one
 * moment weighs on both. CPU per request per process is given too: unlike latency, it does not depend on who else
 * wants the cores.
 *
 * Part of `npm run bench` (scripts/bench/run.ts); alone: `node scripts/bench/proxy-load.ts [--quick]`, with the demo
 * row when DEMO_API names a running demo server's /api/v2.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STANDIN_PEOPLE } from '../../server/testing/productive-standin.ts';

type Row = [area: string, measure: string, value: string];
const PAGE = '/notifications?filter[dismissed]=false&include=actor&page[size]=50';
const SECRET = 'bench-session-secret-0123456789-abcdefghijklmnop';
/** Direct and proxied loads take turns this many times. */
const ROUNDS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Load {
  requests: number;
  errors: Map<string, number>;
  latencies: number[];
  seconds: number;
}

/**
 * `clients` closed loops over keep-alive connections, each with its own headers. The first `warmupMs` are not
 * counted (connections opened, code compiled, caches filled: the same for every row), then `durationMs` are;
 * `atStart` runs as counting begins.
 */
async function poll(
  url: string,
  clients: number,
  { warmupMs, durationMs }: { warmupMs: number; durationMs: number },
  headersOf: (client: number) => Record<string, string>,
  atStart: () => void = () => {},
): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const fail = (reason: string) => errors.set(reason, (errors.get(reason) ?? 0) + 1);
  const counted = performance.now() + warmupMs;
  const until = counted + durationMs;
  const startTimer = setTimeout(atStart, warmupMs);
  const get = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const call = request(url, { agent, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      call.on('error', reject);
      call.end();
    });
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      await sleep((client / clients) * 200);
      const headers = { Accept: 'application/vnd.api+json', ...headersOf(client) };
      while (performance.now() < until) {
        const sent = performance.now();
        let failure: string | null = null;
        try {
          const status = await get(headers);
          if (status !== 200) failure = `HTTP ${status}`;
        } catch (error) {
          failure = (error as Error).message;
        }
        if (sent < counted) continue;
        if (failure) fail(failure);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  clearTimeout(startTimer);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    latencies,
    seconds: (performance.now() - counted) / 1000,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const describe = (load: Load) => {
  const errors = [...load.errors].map(([reason, count]) => `${count} × ${reason}`).join(', ');
  return (
    `${Math.round(load.requests / load.seconds)} req/s, p50 ${ms(percentile(load.latencies, 50))}, ` +
    `p99 ${ms(percentile(load.latencies, 99))}, ${errors || '0 errors'}`
  );
};

/** A process of ours, up once `url` answers. */
async function launch(
  script: string,
  env: Record<string, string>,
  url: string,
): Promise<ChildProcess> {
  // PROXY_BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": to profile the processes under load.
  const nodeArgs = process.env.PROXY_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return child;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start`);
}

/**
 * CPU time a process has used so far in ms (user + system, Linux), or null. Per request it tells what each process
 * costs whatever else the machine is doing, where latency alone depends on who else wants the cores.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / 100 : null;
  } catch {
    return null;
  }
}

/** CPU used by named processes while counting, over any number of rounds; read per request. */
class CpuTally {
  readonly #used = new Map<string, number | null>();
  #started: [string, number | undefined, number | null][] = [];
  readonly #processes: Record<string, number | undefined>;
  constructor(processes: Record<string, number | undefined>) {
    this.#processes = processes;
  }
  start(): void {
    this.#started = Object.entries(this.#processes).map(([name, pid]) => [name, pid, cpuMs(pid)]);
  }
  stop(): void {
    for (const [name, pid, before] of this.#started) {
      const after = cpuMs(pid);
      const used = this.#used.get(name);
      this.#used.set(
        name,
        before === null || after === null || used === null ? null : (used ?? 0) + after - before,
      );
    }
    this.#started = [];
  }
  /** E.g. "team 1.20 ms, stand-in 0.95 ms". */
  perRequest(requests: number): string {
    return [...this.#used]
      .map(([name, used]) =>
        used === null || requests === 0
          ? `${name} unknown`
          : `${name} ${(used / requests).toFixed(2)} ms`,
      )
      .join(', ');
  }
}

/** Rounds of the same load as one. */
function pooled(loads: Load[]): Load {
  const errors = new Map<string, number>();
  for (const load of loads)
    for (const [reason, count] of load.errors)
      errors.set(reason, (errors.get(reason) ?? 0) + count);
  return {
    requests: loads.reduce((sum, load) => sum + load.requests, 0),
    errors,
    latencies: loads.flatMap((load) => load.latencies).sort((a, b) => a - b),
    seconds: loads.reduce((sum, load) => sum + load.seconds, 0),
  };
}

/** Resident memory of a process in MB (Linux), or null. */
function residentMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

export async function measureProxyLoad({
  quick = false,
  clients = 150,
  demoApi,
  log = (message: string) => console.error(`… ${message}`),
}: {
  quick?: boolean;
  clients?: number;
  /** A running demo server's /api/v2, for the demo row at the same load. */
  demoApi?: string;
  log?: (message: string) => void;
} = {}): Promise<Row[]> {
  const rows: Row[] = [];
  const timing = { warmupMs: quick ? 1500 : 3000, durationMs: quick ? 4000 : 15_000 };
  // Clear of `npm run bench`'s own servers (BENCH_PORT 4390 and the floor on 4391).
  const standinPort = Number(process.env.STANDIN_PORT ?? 4395);
  const teamPort = Number(process.env.PROXY_BENCH_PORT ?? standinPort + 1);
  const standinApi = `http://127.0.0.1:${standinPort}/api/v2`;
  const team = `http://127.0.0.1:${teamPort}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'inbox-proxy-bench-'));
  const children: ChildProcess[] = [];
  try {
    log(`stand-in for Productive on ${standinPort}, team mode on ${teamPort}`);
    const standin = await launch(
      'scripts/productive-standin.ts',
      { STANDIN_PORT: String(standinPort) },
      `${standinApi}/projects`,
    );
    children.push(standin);
    const server = await launch(
      'server/main.ts',
      {
        INBOX_MODE: 'team',
        HOST: '127.0.0.1',
        PORT: String(teamPort),
        INBOX_SESSION_SECRET: SECRET,
        PRODUCTIVE_API_URL: standinApi,
        INBOX_DATA_DIR: dataDir,
        INBOX_SESSIONS_PER_PERSON: String(clients),
        // The per-token rate windows (when present) would answer most of this load 429: the bench measures the proxy.
        INBOX_RATE_LIMITS: 'off',
      },
      `${team}/auth/session`,
    );
    children.push(server);

    const person = (client: number) =>
      STANDIN_PEOPLE[client % STANDIN_PEOPLE.length] as (typeof STANDIN_PEOPLE)[0];
    const upstreamHeaders = (client: number) => ({
      'X-Auth-Token': person(client).token,
      'X-Organization-Id': person(client).organizationId,
    });

    log(`${clients} sessions signing in`);
    const memoryBefore = residentMb(server.pid);
    const cookies: string[] = [];
    for (let client = 0; client < clients; client++) {
      const response = await fetch(`${team}/auth/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          token: person(client).token,
          organizationId: person(client).organizationId,
        }),
      });
      if (response.status !== 201)
        throw new Error(`Sign-in ${client} answered ${response.status}: ${await response.text()}`);
      cookies.push((response.headers.get('set-cookie') ?? '').split(';')[0] as string);
    }

    // The two take turns, so a machine busier at one moment than another weighs on both alike.
    const directRounds: Load[] = [];
    const proxiedRounds: Load[] = [];
    const directCpu = new CpuTally({ 'stand-in': standin.pid, bench: process.pid });
    const proxiedCpu = new CpuTally({
      team: server.pid,
      'stand-in': standin.pid,
      bench: process.pid,
    });
    const round = { ...timing, durationMs: timing.durationMs / ROUNDS };
    for (let turn = 1; turn <= ROUNDS; turn++) {
      log(`${clients} clients on the stand-in directly (round ${turn} of ${ROUNDS})`);
      directRounds.push(
        await poll(`${standinApi}${PAGE}`, clients, round, upstreamHeaders, () =>
          directCpu.start(),
        ),
      );
      directCpu.stop();
      log(`${clients} clients through the proxy (round ${turn} of ${ROUNDS})`);
      proxiedRounds.push(
        await poll(
          `${team}/api/v2${PAGE}`,
          clients,
          round,
          (client) => ({ Cookie: cookies[client] as string }),
          () => proxiedCpu.start(),
        ),
      );
      proxiedCpu.stop();
    }
    const direct = pooled(directRounds);
    const proxied = pooled(proxiedRounds);
    rows.push([
      'Team (proxy)',
      `Stand-in for Productive alone, ${clients} clients, first page`,
      describe(direct),
    ]);
    rows.push([
      'Team (proxy)',
      'CPU per request, stand-in alone',
      directCpu.perRequest(direct.requests),
    ]);
    const memoryAfter = residentMb(server.pid);
    rows.push([
      'Team (proxy)',
      `Team mode through the proxy, ${clients} clients, first page`,
      describe(proxied),
    ]);
    rows.push([
      'Team (proxy)',
      'CPU per request, through the proxy',
      proxiedCpu.perRequest(proxied.requests),
    ]);
    const ratio =
      percentile(proxied.latencies, 50) / Math.max(0.001, percentile(direct.latencies, 50));
    rows.push([
      'Team (proxy)',
      'Proxy p50 over the stand-in’s own p50 (goal ≤ 2×)',
      `${ratio.toFixed(2)}×`,
    ]);
    if (memoryBefore !== null && memoryAfter !== null) {
      rows.push([
        'Team (proxy)',
        `Team server memory (RSS), after ${clients} sign-ins and the load`,
        `${memoryBefore.toFixed(0)} → ${memoryAfter.toFixed(0)} MB`,
      ]);
    }
    if (demoApi) {
      log(`${clients} clients on demo mode`);
      const demo = await poll(`${demoApi}${PAGE}`, clients, timing, () => ({}));
      rows.push([
        'Team (proxy)',
        `Demo mode beside it, ${clients} clients, first page`,
        describe(demo),
      ]);
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.main) {
  const rows = await measureProxyLoad({
    quick: process.argv.includes('--quick'),
    demoApi: process.env.DEMO_API,
  });
  console.log('| Area | Measure | Value |\n| --- | --- | --- |');
  for (const [area, measure, value] of rows) console.log(`| ${area} | ${measure} | ${value} |`);
}
