import { ApiRequestError } from '../../../api/http.ts';

/** Productive allows 100 requests per 10 s: a few at a time, spaced, stays well inside it. */
export const BULK_CONCURRENCY = 4;
const MIN_SPACING_MS = 110;
const MAX_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries a request refused with 429, waiting as long as Retry-After says, else backing off exponentially. */
export async function withRateLimitRetry<T>(request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.status !== 429 || attempt >= MAX_ATTEMPTS)
        throw error;
      await sleep(
        error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : 500 * 2 ** attempt,
      );
    }
  }
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
  let next = 0;
  let lastStart = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      const wait = lastStart + MIN_SPACING_MS - Date.now();
      lastStart = Math.max(Date.now(), lastStart + MIN_SPACING_MS);
      if (wait > 0 && ids.length > concurrency) await sleep(wait);
      try {
        await withRateLimitRetry(() => request(id));
        result.succeeded.push(id);
      } catch (error) {
        result.failed.push({
          id,
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return result;
}
