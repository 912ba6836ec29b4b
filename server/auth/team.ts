/**
 * Team mode's API: every request is forwarded with its own session's token and organization, and nothing without
 * a session. A session whose token Productive no longer accepts (revoked, or its person deactivated) ends.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { createLiveApi, type UpstreamCredentials } from '../live/proxy.ts';
import { SESSION_COOKIE } from './routes.ts';
import type { SessionStore } from './session-store.ts';

export interface TeamApiOptions {
  store: SessionStore;
  upstream: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export function createTeamApi({ store, upstream, fetch, timeoutMs }: TeamApiOptions): Hono {
  const credentials = (c: Context): UpstreamCredentials | undefined => {
    const session = store.find(getCookie(c, SESSION_COOKIE));
    return session ? { token: session.token, organizationId: session.organizationId } : undefined;
  };
  const proxy = createLiveApi({ upstream, credentials, fetch, timeoutMs });
  const api = new Hono();
  api.use('*', async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const hadSession = store.find(id) !== null;
    await next();
    if (hadSession && c.res.status === 401) store.delete(id);
  });
  api.route('/', proxy);
  return api;
}
