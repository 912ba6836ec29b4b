import { sleep } from '../../../api/http.ts';

/** Productive allows 100 requests per 10 s: a few at a time, spaced, stays well inside it. */
export const BULK_CONCURRENCY = 4;
const MIN_SPACING_MS = 110;
let spacingMs = MIN_SPACING_MS;

/** For tests: the least time between two requests' starts in one run (a hundred pages need not take 11 s). */
export function setRequestSpacingMs(ms: number | null) {
  spacingMs = ms ?? MIN_SPACING_MS;
}

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: Error };

export interface ThrottleOptions {
  concurrency?: number;
  /** Once aborted, no further request starts; the run resolves when the ones under way end. */
  signal?: AbortSignal;
}

/**
 * The one path for many requests: one per item, a few at a time and spaced to stay inside Productive's rate limit.
 * A 429 is waited out once, in apiRequest (src/api/http.ts), never again here. Every item's outcome is told to
 * `onSettled` as it comes.
 */
export async function runThrottled<T, R>(
  items: readonly T[],
  request: (item: T) => Promise<R>,
  onSettled: (item: T, outcome: Outcome<R>) => void,
  { concurrency = BULK_CONCURRENCY, signal }: ThrottleOptions = {},
): Promise<void> {
  let next = 0;
  let lastStart = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++] as T;
      const wait = lastStart + spacingMs - Date.now();
      lastStart = Math.max(Date.now(), lastStart + spacingMs);
      let outcome: Outcome<R>;
      try {
        if (wait > 0 && items.length > concurrency) await sleep(wait, signal);
        outcome = { ok: true, value: await request(item) };
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
      }
      onSettled(item, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export interface BulkResult {
  succeeded: string[];
  failed: { id: string; error: Error }[];
}

/** Runs one request per id at a bounded concurrency; every item's outcome is reported. */
export async function runBulk(
  ids: readonly string[],
  request: (id: string) => Promise<unknown>,
  concurrency = BULK_CONCURRENCY,
): Promise<BulkResult> {
  const result: BulkResult = { succeeded: [], failed: [] };
  await runThrottled(
    ids,
    request,
    (id, outcome) => {
      if (outcome.ok) result.succeeded.push(id);
      else result.failed.push({ id, error: outcome.error });
    },
    { concurrency },
  );
  return result;
}
