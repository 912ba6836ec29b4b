/** Concurrent HTTP clients over keep-alive connections, for the load test and the benchmark. */
import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: string[];
  /** Milliseconds, sorted ascending. */
  latencies: number[];
  elapsedMs: number;
}

interface LoadOptions {
  base: string;
  clients: number;
  durationMs: number;
  path: (client: number, request: number) => string;
  /** Pause between one client's requests; 0 sends the next as soon as the last is answered. */
  intervalMs?: number;
}

function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Accept: 'application/vnd.api+json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `clients` loops for `durationMs`, each sending its next request when the last one is answered. */
export async function runClients(options: LoadOptions): Promise<LoadResult> {
  const { base, clients, durationMs, path, intervalMs = 0 } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const errors: string[] = [];
  const started = performance.now();
  const until = started + durationMs;
  const client = async (index: number) => {
    // Pollers start spread over one interval, as real tabs would.
    if (intervalMs) await sleep((index / clients) * intervalMs);
    for (let n = 0; performance.now() < until; n++) {
      const sent = performance.now();
      try {
        const status = await get(agent, `${base}${path(index, n)}`);
        if (status !== 200) errors.push(`HTTP ${status}`);
      } catch (error) {
        errors.push((error as Error).message);
      }
      latencies.push(performance.now() - sent);
      if (intervalMs) await sleep(intervalMs);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, latencies, elapsedMs: performance.now() - started };
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
