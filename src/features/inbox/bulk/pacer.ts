import { sleep, type RateHeadroom } from '../../../api/http.ts';

/**
 * Paces a bulk action's requests inside the token's budget as the server tells it on every answer
 * (`RateLimit-Remaining`, `RateLimit-Reset`; server/live/rate-budget.ts), leaving a reserve of each window free so
 * that the person's own actions and the tabs' polling never wait behind a bulk action
 * (docs/decisions/017-bulk-within-limits.md). Where the server tells nothing, requests are spaced to Productive's
 * short window (100 per 10 s).
 */
export const UNTOLD_SPACING_MS = 100;
/** While the request that will tell more is under way: how often to look again. */
const LOOK_AGAIN_MS = 100;

/** The slots of a window a bulk action leaves to everything else: a tenth, and at least 2. */
export const reserveOf = (limit: number) => Math.max(2, Math.ceil(limit / 10));

export class BudgetPacer {
  private told: RateHeadroom | null = null;
  /** Requests this pacer let start since the last answer that told the budget. */
  private startedSince = 0;
  private lastStart = -Infinity;
  private readonly now: () => number;

  constructor({ now = Date.now }: { now?: () => number } = {}) {
    this.now = now;
  }

  /** An answer told what is left (any request of the page: polling and the person's actions count too). */
  observe(headroom: RateHeadroom): void {
    this.told = headroom;
    this.startedSince = 0;
  }

  /** When the budget is spent to its reserve: the time the server said a slot frees, else null. */
  get waitingUntil(): number | null {
    const wait = this.waitMs();
    return wait > LOOK_AGAIN_MS ? this.now() + wait : null;
  }

  /** Milliseconds until the next request may start (0: now). */
  waitMs(): number {
    const now = this.now();
    const told = this.told;
    if (!told) return Math.max(0, this.lastStart + UNTOLD_SPACING_MS - now);
    const left = told.remaining - this.startedSince;
    if (left > reserveOf(told.limit)) return 0;
    const resetAt = told.at + told.resetSeconds * 1000;
    // The slot the server said would free has: one request goes, and its answer tells the rest.
    if (now >= resetAt) return this.startedSince === 0 ? 0 : LOOK_AGAIN_MS;
    return Math.max(LOOK_AGAIN_MS, resetAt - now);
  }

  /** Resolves when one more request may start, and counts it; rejects when the signal aborts. */
  async slot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = this.waitMs();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    this.startedSince++;
    this.lastStart = this.now();
  }
}
