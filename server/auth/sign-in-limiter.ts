/**
 * Refused sign-ins are limited, so the server is no oracle for guessing tokens: per client address (10 a minute)
 * and per organization the sign-in names (50 a minute, against guesses spread over many addresses). A client can
 * lock out only itself: its neighbours behind the same TLS proxy are told apart by the address the proxy forwards
 * (clientAddress), and one client alone cannot reach an organization's limit. See docs/decisions/012.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { normalizeAddress } from '../config.ts';

export const REFUSALS_PER_ADDRESS = 10;
export const REFUSALS_PER_ORGANIZATION = 50;
const WINDOW_MS = 60_000;
/** Entries kept per limiter; past this the least recently refused are forgotten first (never a clear-all). */
export const MAX_TRACKED = 10_000;

/** A sliding one-minute window of refusals per key, with at most `maxKeys` keys (least recently refused evicted). */
export class RefusalWindow {
  readonly #limit: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #refusals = new Map<string, number[]>();

  constructor(limit: number, { maxKeys = MAX_TRACKED, now = Date.now } = {}) {
    this.#limit = limit;
    this.#maxKeys = maxKeys;
    this.#now = now;
  }

  /** Seconds until this key may try again; 0 when it may now. */
  waitSeconds(key: string): number {
    const times = this.#recent(key);
    if (times.length < this.#limit) return 0;
    return Math.max(1, Math.ceil(((times[0] as number) + WINDOW_MS - this.#now()) / 1000));
  }

  refused(key: string): void {
    const times = this.#recent(key);
    times.push(this.#now());
    if (times.length > this.#limit) times.shift();
    // Most recently refused last: the Map's order is the eviction order.
    this.#refusals.delete(key);
    this.#refusals.set(key, times);
    while (this.#refusals.size > this.#maxKeys) {
      const oldest = this.#refusals.keys().next().value as string;
      this.#refusals.delete(oldest);
    }
  }

  get size(): number {
    return this.#refusals.size;
  }

  #recent(key: string): number[] {
    const since = this.#now() - WINDOW_MS;
    const times = (this.#refusals.get(key) ?? []).filter((at) => at > since);
    if (times.length === 0) this.#refusals.delete(key);
    return times;
  }
}

export interface SignInLimiter {
  /** Seconds to wait before this client may try this organization; 0 when it may now. */
  waitSeconds(address: string, organizationId: string): number;
  refused(address: string, organizationId: string): void;
}

export function signInLimiter(now: () => number = Date.now): SignInLimiter {
  const byAddress = new RefusalWindow(REFUSALS_PER_ADDRESS, { now });
  const byOrganization = new RefusalWindow(REFUSALS_PER_ORGANIZATION, { now });
  return {
    waitSeconds: (address, organizationId) =>
      Math.max(byAddress.waitSeconds(address), byOrganization.waitSeconds(organizationId)),
    refused(address, organizationId) {
      byAddress.refused(address);
      byOrganization.refused(organizationId);
    },
  };
}

/** The key an address is limited under: IPv6 by its /64 (one machine usually holds a whole /64). */
export function limiterKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Who is trying to sign in: the peer's address; or, when the peer is one of INBOX_TRUSTED_PROXIES (the TLS proxy
 * in front), the right-most X-Forwarded-For entry that is not itself a trusted proxy: the address the proxy saw.
 * Entries further left came from the client and are never believed; nobody else's header is read at all.
 */
export function clientAddress(c: Context, trustedProxies: readonly string[] = []): string {
  let peer: string;
  try {
    peer = normalizeAddress(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown';
  }
  if (!trustedProxies.includes(peer)) return peer;
  const header = c.req.header('x-forwarded-for');
  if (!header) return peer;
  const entries = header
    .slice(0, 4096)
    .split(',')
    .map((entry) => normalizeAddress(entry.replace(/^\[([^\]]*)\].*$/, '$1')));
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index] as string;
    if (isIP(entry) === 0) return peer;
    if (!trustedProxies.includes(entry) || index === 0) return entry;
  }
  return peer;
}
