/**
 * /auth: who is signed in, and (team mode) signing in and out. The session cookie is an opaque random id,
 * HttpOnly and SameSite=Strict (Secure behind https); everything else stays on the server.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from '../api/errors.ts';
import { errorResponse, JSON_API } from '../api/respond.ts';
import type { Session, SessionIdentity, SessionStore } from './session-store.ts';
import { verifyCredentials, type TokenOrganization, type VerifyFailure } from './verify.ts';

export const SESSION_COOKIE = 'inbox_session';

export type AuthMode =
  | { kind: 'demo' }
  | {
      kind: 'personal';
      /** Which token's data this is (page-session.ts): stable across restarts, whether Productive answers or not. */
      scope: string;
      organizationId: string;
      identity: () => SessionIdentity | null;
    }
  | {
      kind: 'team';
      store: SessionStore;
      upstream: string;
      ttlMs: number;
      fetch?: typeof globalThis.fetch;
      verifyTimeoutMs?: number;
    };

/** What the page may know of the session: never the token. */
export interface PublicSession {
  mode: 'demo' | 'personal' | 'team';
  signedIn: boolean;
  /** Whose device data this is: persisted caches and queued actions are kept under it and nowhere else. */
  scope: string | null;
  person: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
}

const DEMO_SESSION: PublicSession = {
  mode: 'demo',
  signedIn: true,
  scope: 'demo',
  person: { id: '1001', name: 'Ana Kovač' },
  organization: { id: '1', name: 'Demo organization' },
};

const teamSession = (identity: SessionIdentity | null): PublicSession => ({
  mode: 'team',
  signedIn: identity !== null,
  scope: identity ? `team:${identity.organizationId}:${identity.personId}` : null,
  person: identity ? { id: identity.personId, name: identity.personName } : null,
  organization: identity ? { id: identity.organizationId, name: identity.organizationName } : null,
});

function personalSession(mode: Extract<AuthMode, { kind: 'personal' }>): PublicSession {
  const identity = mode.identity();
  return {
    mode: 'personal',
    signedIn: true,
    scope: mode.scope,
    person: identity ? { id: identity.personId, name: identity.personName } : null,
    organization: {
      id: mode.organizationId,
      name: identity?.organizationName ?? `Organization ${mode.organizationId}`,
    },
  };
}

/** The session a request carries, in team mode; null when it has none that is valid. */
export function sessionOf(c: Context, store: SessionStore): Session | null {
  // Asked several times per request (its scope, its credentials, whether Productive refused them): looked up,
  // and its token decrypted, once.
  const request = c.req.raw;
  if (!sessionsByRequest.has(request)) {
    sessionsByRequest.set(request, store.find(getCookie(c, SESSION_COOKIE)));
  }
  return sessionsByRequest.get(request) ?? null;
}
const sessionsByRequest = new WeakMap<Request, Session | null>();

/** The public description of the request's session, for GET /auth/session and the page itself. */
export function describeSession(c: Context, mode: AuthMode): PublicSession {
  if (mode.kind === 'demo') return DEMO_SESSION;
  if (mode.kind === 'personal') return personalSession(mode);
  return teamSession(sessionOf(c, mode.store));
}

const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** Keeps the browser's cookie alive as long as the server's session (inactivity, sliding). */
export function refreshSessionCookie(c: Context, mode: AuthMode): void {
  if (mode.kind !== 'team') return;
  const id = getCookie(c, SESSION_COOKIE);
  if (id && sessionOf(c, mode.store)) writeCookie(c, id, mode.ttlMs);
}

function writeCookie(c: Context, id: string, ttlMs: number) {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  });
}

const REFUSALS: Record<VerifyFailure, ApiError> = {
  wrong_token: new ApiError(
    401,
    'invalid_token',
    'Token not accepted',
    'Productive did not accept this personal access token. Check that you copied all of it and that it has not been deleted.',
  ),
  wrong_organization: new ApiError(
    403,
    'wrong_organization',
    'Wrong organization',
    'This token has no access to that organization. Check the Organization ID.',
  ),
  rate_limited: new ApiError(
    429,
    'rate_limited',
    'Too many attempts',
    'Productive is limiting requests for this token. Wait a moment and try again.',
  ),
  unreachable: new ApiError(
    502,
    'upstream_unreachable',
    'Productive unreachable',
    'The inbox server could not reach Productive. Try again in a moment.',
  ),
  timeout: new ApiError(
    504,
    'upstream_timeout',
    'Productive did not answer',
    'Productive did not answer in time. Try again in a moment.',
  ),
  unexpected: new ApiError(
    502,
    'upstream_error',
    'Productive error',
    'Productive answered with an error. Try again in a moment.',
  ),
};

/** A good token with no membership in the organization typed: which ones it does have. */
const noMembershipThere = (organizationId: string, organizations: TokenOrganization[]) =>
  new ApiError(
    403,
    'wrong_organization',
    'Wrong organization',
    `This token has no access to that organization (${organizationId}); it belongs to ${organizations
      .map((organization) => `${organization.name} (${organization.id})`)
      .join(', ')}. Check the Organization ID.`,
  );

const invalid = (pointer: string, detail: string) =>
  new ApiError(422, 'invalid_attribute', 'Invalid Attribute', detail, { pointer });

/** Refused sign-ins per client address and minute: the server is no oracle for guessing tokens. */
const FAILURES_PER_MINUTE = 10;

function failureLimiter(now: () => number = Date.now) {
  const failures = new Map<string, number[]>();
  const recent = (address: string) => {
    const since = now() - 60_000;
    const times = (failures.get(address) ?? []).filter((at) => at > since);
    failures.set(address, times);
    return times;
  };
  return {
    /** Seconds until this address may try again; 0 when it may now. */
    waitSeconds(address: string): number {
      const times = recent(address);
      if (times.length < FAILURES_PER_MINUTE) return 0;
      return Math.max(1, Math.ceil(((times[0] as number) + 60_000 - now()) / 1000));
    },
    failed(address: string) {
      if (failures.size > 10_000) failures.clear();
      recent(address).push(now());
    },
  };
}

/**
 * Who is trying to sign in: the peer's address, or, when the peer is a proxy on this machine (the TLS proxy in front
 * of a team server), the address that proxy appended last to X-Forwarded-For. Nobody else's header is believed.
 */
export function clientAddress(c: Context): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return peer;
  }
  const loopback = /^(127\.|::1$|::ffff:127\.)/.test(peer);
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return loopback && forwarded ? forwarded.slice(0, 64) : peer;
}

function json(c: Context, body: unknown, status: 200 | 201 = 200) {
  return c.body(JSON.stringify(body), status, { 'Content-Type': JSON_API });
}

export function createAuthRoutes(mode: AuthMode): Hono {
  const auth = new Hono();
  const limiter = failureLimiter();

  auth.get('/session', (c) => {
    const session = describeSession(c, mode);
    if (!session.signedIn) {
      return errorResponse(
        c,
        new ApiError(401, 'unauthenticated', 'Sign in required', 'Nobody is signed in.'),
      );
    }
    refreshSessionCookie(c, mode);
    return json(c, { data: session });
  });

  auth.post('/session', async (c) => {
    if (mode.kind !== 'team') {
      return errorResponse(
        c,
        new ApiError(
          404,
          'record_not_found',
          'Not Found',
          `There is no sign-in in ${mode.kind} mode`,
        ),
      );
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(json|vnd\.api\+json)\b/i.test(type)) {
      return errorResponse(
        c,
        new ApiError(
          415,
          'unsupported_media_type',
          'Unsupported Media Type',
          'Send the sign-in as JSON',
        ),
      );
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return errorResponse(c, invalid('', 'The sign-in is not valid JSON'));
    }
    const fields = (body ?? {}) as { token?: unknown; organizationId?: unknown };
    const token = typeof fields.token === 'string' ? fields.token.trim() : '';
    const organizationId =
      typeof fields.organizationId === 'string' ? fields.organizationId.trim() : '';
    if (!token) return errorResponse(c, invalid('token', 'Enter your personal access token.'));
    if (token.length > 512 || /[^\x21-\x7e]/.test(token)) {
      return errorResponse(c, invalid('token', 'That does not look like a personal access token.'));
    }
    if (!/^\d{1,18}$/.test(organizationId)) {
      return errorResponse(
        c,
        invalid('organizationId', 'The Organization ID is a number, such as 12345.'),
      );
    }
    const address = clientAddress(c);
    const wait = limiter.waitSeconds(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return errorResponse(
        c,
        new ApiError(
          429,
          'too_many_attempts',
          'Too many attempts',
          `Too many refused sign-ins from here. Try again in ${wait} s.`,
        ),
      );
    }
    const result = await verifyCredentials({
      upstream: mode.upstream,
      token,
      organizationId,
      fetch: mode.fetch,
      timeoutMs: mode.verifyTimeoutMs,
    });
    if (!result.ok) {
      if (result.failure === 'wrong_token' || result.failure === 'wrong_organization') {
        limiter.failed(address);
      }
      if (result.retryAfterSeconds) c.header('Retry-After', String(result.retryAfterSeconds));
      if (result.failure === 'wrong_organization' && result.organizations?.length) {
        return errorResponse(c, noMembershipThere(organizationId, result.organizations));
      }
      return errorResponse(c, REFUSALS[result.failure]);
    }
    // A new id at every sign-in; a session this browser had before ends here.
    mode.store.delete(getCookie(c, SESSION_COOKIE));
    const id = mode.store.create({ ...result.identity, token });
    writeCookie(c, id, mode.ttlMs);
    return json(c, { data: teamSession(result.identity) }, 201);
  });

  auth.delete('/session', (c) => {
    if (mode.kind === 'team') {
      mode.store.delete(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, {
        path: '/',
        secure: isHttps(c),
        httpOnly: true,
        sameSite: 'Strict',
      });
    }
    return c.body(null, 204);
  });

  auth.all('*', (c) =>
    errorResponse(
      c,
      new ApiError(
        404,
        'record_not_found',
        'Not Found',
        `No endpoint answers ${c.req.method} ${new URL(c.req.url).pathname}`,
      ),
    ),
  );
  return auth;
}
