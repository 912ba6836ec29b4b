/**
 * Whose inbox a request or a snooze is for, per server mode, and how to reach its notifications. The scope is the
 * one the page is given (routes.ts, describeSession): `demo`, `personal:ORG:FINGERPRINT`, `team:ORG:PERSON`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.ts';
import { sessionOf } from '../auth/routes.ts';
import type { SessionStore } from '../auth/session-store.ts';
import { endSessionsProductiveRefuses } from '../auth/team.ts';
import type { UpstreamCredentials } from '../live/proxy.ts';
import { demoGateway, liveGateway, type NotificationGateway } from './notification-gateway.ts';
import type { InboxOwner } from './routes.ts';

export interface InboxOwners {
  ownerOf: (c: Context) => InboxOwner | null;
  gatewayFor: (scope: string) => NotificationGateway | null;
  /** Runs around every /api/inbox request (team mode: a token Productive refuses ends its session). */
  middleware?: MiddlewareHandler;
}

export function demoOwners(db: Database): InboxOwners {
  const gateway = demoGateway(db);
  return {
    ownerOf: () => ({ scope: 'demo', gateway }),
    gatewayFor: (scope) => (scope === 'demo' ? gateway : null),
  };
}

export function personalOwners({
  scope,
  upstream,
  credentials,
  fetch,
}: {
  scope: string;
  upstream: string;
  credentials: UpstreamCredentials;
  fetch?: typeof globalThis.fetch;
}): InboxOwners {
  const gateway = liveGateway({ upstream, credentials, fetch });
  return {
    ownerOf: () => ({ scope, gateway }),
    gatewayFor: (candidate) => (candidate === scope ? gateway : null),
  };
}

const TEAM_SCOPE = /^team:(\d{1,18}):(\d{1,18})$/;

export function teamOwners({
  store,
  upstream,
  fetch,
}: {
  store: SessionStore;
  upstream: string;
  fetch?: typeof globalThis.fetch;
}): InboxOwners {
  return {
    middleware: endSessionsProductiveRefuses(store),
    ownerOf: (c) => {
      const session = sessionOf(c, store);
      if (!session) return null;
      const { token, organizationId, personId } = session;
      return {
        scope: `team:${organizationId}:${personId}`,
        gateway: liveGateway({ upstream, credentials: { token, organizationId }, fetch }),
      };
    },
    // Nobody's request at hand: any live session of that person lends its token; none, and it waits for them.
    gatewayFor: (scope) => {
      const match = TEAM_SCOPE.exec(scope);
      if (!match) return null;
      const [, organizationId, personId] = match as unknown as [string, string, string];
      const token = store.tokenOfPerson(organizationId, personId);
      return token
        ? liveGateway({ upstream, credentials: { token, organizationId }, fetch })
        : null;
    },
  };
}
