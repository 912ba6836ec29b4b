/**
 * Productive's two rate windows, kept per token on this server: 100 requests per 10 s and 4,000 per 30 min
 * (developer.productive.io/reference). A request that would go over either is answered here with `429` and a
 * `Retry-After` of the seconds until a slot frees, before Productive is asked (and before it would refuse).
 * Productive's own `429` (which may come without `Retry-After`) holds the token's requests back here too.
 *
 * Each window is an exact sliding log: a ring of the last `limit` request times. The window is full when the oldest
 * of them is still inside it, and a slot frees when that one leaves. O(1) per request; 4,100 numbers per token.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { ApiError } from '../api/errors.ts';
import { errorResponse } from '../api/respond.ts';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Productive's documented limits, both confirmed (see ../shared/productive-api.md). */
export const PRODUCTIVE_WINDOWS: readonly RateWindow[] = [
  { limit: 100, windowMs: 10_000 },
  { limit: 4_000, windowMs: 30 * 60_000 },
];

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * What a token has left, told to the app on every answer (`RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset`) so that it can pace many requests inside the budget: the tightest window's limit, its free
 * slots, and the seconds until its next slot frees (0 when none is taken).
 */
export interface RateHeadroom {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export interface RateBudgetOptions {
  windows?: readonly RateWindow[];
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** false (INBOX_RATE_LIMITS=off): requests are still counted, never refused here. */
  enforce?: boolean;
}

class Ring {
  private readonly times: Float64Array;
  private next = 0;
  private count = 0;
  readonly window: RateWindow;
  constructor(window: RateWindow) {
    this.window = window;
    this.times = new Float64Array(window.limit);
  }
  /** When the oldest of the last `limit` requests was made, if there have been that many. */
  private oldestOfLimit(): number | null {
    return this.count < this.window.limit ? null : (this.times[this.next] as number);
  }
  /** Milliseconds until this window has a free slot: 0 when it has one now. */
  waitMs(now: number): number {
    const oldest = this.oldestOfLimit();
    return oldest === null ? 0 : Math.max(0, oldest + this.window.windowMs - now);
  }
  /** The earliest request still inside the window, if any. */
  oldestInside(now: number): number | null {
    const size = Math.min(this.count, this.window.limit);
    for (let i = 0; i < size; i++) {
      const time = this.times[
        (this.next - size + i + this.window.limit) % this.window.limit
      ] as number;
      if (time > now - this.window.windowMs) return time;
    }
    return null;
  }
  /** How many of this window's slots are free now. */
  free(now: number): number {
    const size = Math.min(this.count, this.window.limit);
    let inside = 0;
    for (let i = size; i >= 1; i--) {
      const time = this.times[(this.next - i + this.window.limit) % this.window.limit] as number;
      if (time > now - this.window.windowMs) {
        inside = i;
        break;
      }
    }
    return this.window.limit - inside;
  }
  record(now: number) {
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.window.limit;
    this.count = Math.min(this.count + 1, this.window.limit);
  }
  lastAt(): number {
    return this.count
      ? (this.times[(this.next - 1 + this.window.limit) % this.window.limit] as number)
      : 0;
  }
}

interface Account {
  rings: Ring[];
  /** Productive said 429: nothing goes for this token before this time. */
  heldUntil: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Keys are hashed: the budget never holds a token in the clear. */
const keyOf = (key: string) => createHash('sha256').update(key).digest('base64url');

export class RateBudget {
  private readonly windows: readonly RateWindow[];
  private readonly now: () => number;
  readonly enforce: boolean;
  private readonly accounts = new Map<string, Account>();
  private readonly longestMs: number;
  private lastSweep = 0;

  constructor({
    windows = PRODUCTIVE_WINDOWS,
    now = Date.now,
    enforce = true,
  }: RateBudgetOptions = {}) {
    this.windows = windows;
    this.now = now;
    this.enforce = enforce;
    this.longestMs = Math.max(...windows.map((window) => window.windowMs));
  }

  private account(key: string): Account {
    const hashed = keyOf(key);
    let account = this.accounts.get(hashed);
    if (!account) {
      account = { rings: this.windows.map((window) => new Ring(window)), heldUntil: 0 };
      this.accounts.set(hashed, account);
    }
    return account;
  }

  /**
   * One request for this key: counted and allowed, or refused with the seconds until every window has a slot.
   * A refused request is not counted (it never reaches Productive).
   */
  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const account = this.account(key);
    if (this.enforce) {
      const waitMs = Math.max(
        account.heldUntil - now,
        ...account.rings.map((ring) => ring.waitMs(now)),
      );
      if (waitMs > 0) return { ok: false, retryAfterSeconds: seconds(waitMs) };
    }
    for (const ring of account.rings) ring.record(now);
    return { ok: true };
  }

  /** The key's tightest window now (the one with the fewest free slots), for the `RateLimit-*` headers. */
  headroom(key: string): RateHeadroom {
    const now = this.now();
    const account = this.account(key);
    let tightest: RateHeadroom | null = null;
    for (const ring of account.rings) {
      const remaining = ring.free(now);
      if (tightest !== null && remaining >= tightest.remaining) continue;
      const oldest = ring.oldestInside(now);
      tightest = {
        limit: ring.window.limit,
        remaining,
        resetSeconds: oldest === null ? 0 : seconds(oldest + ring.window.windowMs - now),
      };
    }
    const held = account.heldUntil - now;
    if (tightest && held > 0) return { ...tightest, remaining: 0, resetSeconds: seconds(held) };
    return tightest ?? { limit: 0, remaining: 0, resetSeconds: 0 };
  }

  /**
   * Productive answered 429 for this key. Its `Retry-After` when it sent one; otherwise the time until the
   * earliest of this key's requests inside the short window leaves it (where Productive's own count, if it
   * counts what we counted, frees a slot), or the whole short window. The key is held back that long.
   */
  refusedUpstream(key: string, retryAfterHeader: string | null): number {
    const now = this.now();
    const account = this.account(key);
    const given = retryAfterSeconds(retryAfterHeader, now);
    let wait: number;
    if (given !== null) {
      wait = given;
    } else {
      const full = account.rings.map((ring) => ring.waitMs(now)).filter((ms) => ms > 0);
      const shortest = account.rings[0];
      const oldest = shortest?.oldestInside(now) ?? null;
      const windowMs = shortest?.window.windowMs ?? 10_000;
      wait = full.length
        ? seconds(Math.max(...full))
        : seconds(oldest === null ? windowMs : oldest + windowMs - now);
    }
    account.heldUntil = Math.max(account.heldUntil, now + wait * 1000);
    return wait;
  }

  /** Forgets tokens unused for longer than the longest window (at most once a minute). */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, account] of this.accounts) {
      const last = Math.max(account.heldUntil, ...account.rings.map((ring) => ring.lastAt()));
      if (now - last > this.longestMs) this.accounts.delete(key);
    }
  }
}

/** A `Retry-After` value in whole seconds (delta or HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : seconds(date - now);
}

const WINDOW_SPEC = /^(\d{1,6})\/(\d{1,5})(s|m)$/;
const UNIT_MS = { s: 1000, m: 60_000 } as const;

/**
 * `INBOX_RATE_LIMITS`: `on` (the default) keeps Productive's windows; `off` lifts the server's own refusals (tests,
 * the bench); smaller windows such as `10/10s,400/30m` are for tests of pacing only (never above Productive's).
 */
export function rateLimitsFromEnvironment(env: NodeJS.ProcessEnv = process.env): {
  enforce: boolean;
  windows: readonly RateWindow[];
} {
  const value = env.INBOX_RATE_LIMITS?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'on')
    return { enforce: true, windows: PRODUCTIVE_WINDOWS };
  if (value === 'off') return { enforce: false, windows: PRODUCTIVE_WINDOWS };
  const parts = value.split(',').map((part) => WINDOW_SPEC.exec(part.trim()));
  if (parts.length <= 4 && parts.every((match) => match !== null)) {
    const windows = parts.map(([, limit, amount, unit]) => ({
      limit: Number(limit),
      windowMs: Number(amount) * UNIT_MS[unit as 's' | 'm'],
    }));
    if (windows.every((window) => window.limit > 0 && window.windowMs > 0))
      return { enforce: true, windows };
  }
  throw new Error(
    `INBOX_RATE_LIMITS must be on, off or windows such as 10/10s,400/30m, got "${env.INBOX_RATE_LIMITS?.slice(0, 40)}"`,
  );
}

/** Tells the app what this key has left (only where the budget refuses: with the limits off there is nothing to pace). */
export function setHeadroomHeaders(headers: Headers, budget: RateBudget, key: string): void {
  if (!budget.enforce) return;
  const { limit, remaining, resetSeconds } = budget.headroom(key);
  headers.set('RateLimit-Limit', String(limit));
  headers.set('RateLimit-Remaining', String(remaining));
  headers.set('RateLimit-Reset', String(resetSeconds));
}

export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'rate_limited',
    'Too Many Requests',
    `Productive allows 100 requests per 10 seconds and 4,000 per 30 minutes per token; try again in ${retryAfterSeconds} s`,
  );

/** The answer to a refused request: 429 with Retry-After, as a JSON:API error. */
export function refusal(
  c: Context,
  retryAfter: number,
  budget?: RateBudget,
  key?: string,
): Response {
  const response = errorResponse(c, rateLimited(retryAfter));
  response.headers.set('Retry-After', String(retryAfter));
  if (budget && key !== undefined) setHeadroomHeaders(response.headers, budget, key);
  return response;
}

/** For the embedded API (demo mode): every request counts against the key's two windows. */
export function rateBudgetGuard(
  budget: RateBudget,
  key: (c: Context) => string | undefined,
): MiddlewareHandler {
  return async (c, next) => {
    const who = key(c);
    if (who !== undefined) {
      const decision = budget.take(who);
      if (!decision.ok) return refusal(c, decision.retryAfterSeconds, budget, who);
    }
    await next();
    if (who !== undefined) setHeadroomHeaders(c.res.headers, budget, who);
  };
}

/** The embedded API behind the budget: every request counts for `key` (demo mode: the demo person). */
export function withRateBudget(
  api: Hono,
  budget: RateBudget,
  key: (c: Context) => string | undefined,
): Hono {
  const guarded = new Hono();
  guarded.use('*', rateBudgetGuard(budget, key));
  guarded.route('/', api);
  return guarded;
}
