/**
 * Team mode's API: every request is forwarded with its own session's token and organization, and nothing without
 * a session. A session whose token Productive no longer accepts (revoked, or its person deactivated) ends.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { createLiveApi, type UpstreamCredentials } from '../live/proxy.ts';
import type { RateBudget } from '../live/rate-budget.ts';
import { sessionEntryOf, sessionOf } from './routes.ts';
import type { SessionStore } from './session-store.ts';

export interface TeamApiOptions {
  store: SessionStore;
  upstream: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Productive's two rate windows, per session token. */
  budget?: RateBudget;
}

export function createTeamApi({ store, upstream, fetch, timeoutMs, budget }: TeamApiOptions): Hono {
  const credentials = (c: Context): UpstreamCredentials | undefined => {
    const session = sessionOf(c, store);
    return session ? { token: session.token, organizationId: session.organizationId } : undefined;
  };
  const proxy = createLiveApi({ upstream, credentials, fetch, timeoutMs, budget });
  const api = new Hono();
  api.use('*', endSessionsProductiveRefuses(store));
  api.route('/', proxy);
  return api;
}

/**
 * Ends the request's session when the answer is a 401 although it had one: Productive no longer accepts its token.
 * For every route that acts upstream with a session's token (the API, the inbox's snoozes).
 */
export function endSessionsProductiveRefuses(store: SessionStore): MiddlewareHandler {
  return async (c, next) => {
    const entry = sessionEntryOf(c, store);
    await next();
    if (entry && c.res.status === 401) store.delete(entry.id);
  };
}
