/**
 * /auth: who is signed in, and (team mode) signing in and out. The session cookie is an opaque random id,
 * HttpOnly and SameSite=Strict (Secure behind https); everything else stays on the server.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ApiError } from '../api/errors.ts';
import { errorResponse, JSON_API } from '../api/respond.ts';
import {
  SessionLimitReached,
  type Session,
  type SessionIdentity,
  type SessionStore,
} from './session-store.ts';
import { clientAddress, limiterKey, signInLimiter } from './sign-in-limiter.ts';
import { verifyCredentials, type TokenOrganization, type VerifyFailure } from './verify.ts';

export { clientAddress } from './sign-in-limiter.ts';

export const SESSION_COOKIE = 'inbox_session';
/** Behind https the cookie is `__Host-` prefixed: the browser then keeps it to this host, path /, Secure. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

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
      /** INBOX_TRUSTED_PROXIES: whose X-Forwarded-For names the client (sign-in-limiter.ts). */
      trustedProxies?: readonly string[];
      /** INBOX_ALLOWED_ORGANIZATIONS: whose people may sign in; empty or absent: any organization. */
      allowedOrganizations?: readonly string[];
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

/**
 * Every session id the request's cookies carry, in their order: a browser may send two cookies of the same name
 * (one set by a sibling subdomain, say), and a bogus first one must not hide the real one.
 */
export function sessionCookieIds(c: Context): string[] {
  const header = c.req.header('cookie') ?? '';
  const ids: string[] = [];
  for (const part of header.slice(0, 16_384).split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (name !== SESSION_COOKIE && name !== SECURE_SESSION_COOKIE) continue;
    const value = part
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (value && ids.length < 8) ids.push(value);
  }
  return ids;
}

/** The request's live session and the cookie id that names it; null when it carries none that is valid. */
export function sessionEntryOf(
  c: Context,
  store: SessionStore,
): { id: string; session: Session } | null {
  // Asked several times per request (its scope, its credentials, whether Productive refused them): looked up,
  // and its token decrypted, once.
  const request = c.req.raw;
  if (!sessionsByRequest.has(request)) {
    let found: { id: string; session: Session } | null = null;
    for (const id of sessionCookieIds(c)) {
      const session = store.find(id);
      if (session) {
        found = { id, session };
        break;
      }
    }
    sessionsByRequest.set(request, found);
  }
  return sessionsByRequest.get(request) ?? null;
}
const sessionsByRequest = new WeakMap<Request, { id: string; session: Session } | null>();

/** The session a request carries, in team mode; null when it has none that is valid. */
export function sessionOf(c: Context, store: SessionStore): Session | null {
  return sessionEntryOf(c, store)?.session ?? null;
}

/** The public description of the request's session, for GET /auth/session and the page itself. */
export function describeSession(c: Context, mode: AuthMode): PublicSession {
  if (mode.kind === 'demo') return DEMO_SESSION;
  if (mode.kind === 'personal') return personalSession(mode);
  return teamSession(sessionOf(c, mode.store));
}

const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/**
 * Keeps the browser's cookie alive as long as the server's session (inactivity, sliding); a cookie whose session
 * is over (expired, signed out elsewhere) is cleared.
 */
export function refreshSessionCookie(c: Context, mode: AuthMode): void {
  if (mode.kind !== 'team') return;
  const entry = sessionEntryOf(c, mode.store);
  if (entry) writeCookie(c, entry.id, mode.ttlMs);
  else if (sessionCookieIds(c).length > 0) clearCookie(c);
}

function writeCookie(c: Context, id: string, ttlMs: number) {
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  });
}

function clearCookie(c: Context) {
  const secure = isHttps(c);
  const options = { path: '/', secure, httpOnly: true, sameSite: 'Strict' } as const;
  deleteCookie(c, SESSION_COOKIE, options);
  if (secure) deleteCookie(c, SECURE_SESSION_COOKIE, options);
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

/**
 * A good token with no membership in the organization typed: which ones it does have, of those this server serves
 * (`allowed`, empty: any). None of them served here: it says so, rather than suggest one that would be refused.
 */
const noMembershipThere = (
  organizationId: string,
  organizations: TokenOrganization[],
  allowed: readonly string[],
) => {
  const served = organizations.filter(
    (organization) => allowed.length === 0 || allowed.includes(organization.id),
  );
  return new ApiError(
    403,
    'wrong_organization',
    'Wrong organization',
    served.length === 0
      ? `This token has no access to that organization (${organizationId}), nor to any other organization this inbox server is for. Sign in with a token of that organization, or ask whoever runs this server.`
      : `This token has no access to that organization (${organizationId}); it belongs to ${served
          .map((organization) => `${organization.name} (${organization.id})`)
          .join(', ')}. Check the Organization ID.`,
  );
};

const invalid = (pointer: string, detail: string) =>
  new ApiError(422, 'invalid_attribute', 'Invalid Attribute', detail, { pointer });

function json(c: Context, body: unknown, status: 200 | 201 = 200) {
  return c.body(JSON.stringify(body), status, { 'Content-Type': JSON_API });
}

export function createAuthRoutes(mode: AuthMode): Hono {
  const auth = new Hono();
  const limiter = signInLimiter();

  auth.get('/session', (c) => {
    const session = describeSession(c, mode);
    if (!session.signedIn) {
      refreshSessionCookie(c, mode);
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
    const allowed = mode.allowedOrganizations ?? [];
    if (allowed.length > 0 && !allowed.includes(organizationId)) {
      return errorResponse(
        c,
        new ApiError(
          403,
          'organization_not_allowed',
          'Organization not served here',
          'This inbox server is for another organization. Check the Organization ID, or ask whoever runs this server.',
          { pointer: 'organizationId' },
        ),
      );
    }
    const address = limiterKey(clientAddress(c, mode.trustedProxies));
    const wait = limiter.waitSeconds(address, organizationId);
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
        limiter.refused(address, organizationId);
      }
      if (result.retryAfterSeconds) c.header('Retry-After', String(result.retryAfterSeconds));
      if (result.failure === 'wrong_organization' && result.organizations?.length) {
        return errorResponse(c, noMembershipThere(organizationId, result.organizations, allowed));
      }
      return errorResponse(c, REFUSALS[result.failure]);
    }
    // A new id at every sign-in; a session this browser had before ends here.
    for (const old of sessionCookieIds(c)) mode.store.delete(old);
    let id: string;
    try {
      id = mode.store.create({ ...result.identity, token });
    } catch (error) {
      if (!(error instanceof SessionLimitReached)) throw error;
      return errorResponse(
        c,
        new ApiError(
          503,
          'too_many_sessions',
          'Too many sessions',
          'This inbox server holds as many sessions as it is set to. Try again later, or ask whoever runs it.',
        ),
      );
    }
    writeCookie(c, id, mode.ttlMs);
    return json(c, { data: teamSession(result.identity) }, 201);
  });

  // Sign-out always ends the session: the store refuses it from memory when the disk will not let it go.
  auth.delete('/session', (c) => {
    if (mode.kind === 'team') {
      for (const id of sessionCookieIds(c)) mode.store.delete(id);
      clearCookie(c);
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
