/**
 * Who is using the inbox: the mode the server runs in and, where someone signs in, who. The page carries it in a
 * `<meta name="inbox-session">` the server writes (so the app knows before its first request), and `/auth/session`
 * answers the same. The token itself never reaches the browser.
 */
export type InboxMode = 'demo' | 'personal' | 'team';

export interface PublicSession {
  mode: InboxMode;
  signedIn: boolean;
  /** Whose device data this is: the persisted cache and queued actions belong to this scope only. */
  scope: string | null;
  person: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
}

const AUTH_SESSION = '/auth/session';
const MODES: readonly InboxMode[] = ['demo', 'personal', 'team'];

const isText = (value: unknown): value is string => typeof value === 'string' && value.length < 500;

function named(value: unknown): { id: string; name: string } | null {
  const record = value as { id?: unknown; name?: unknown } | null;
  return record && isText(record.id) && isText(record.name)
    ? { id: record.id, name: record.name }
    : null;
}

/** A session description from untrusted JSON; null when it is not one. */
export function parseSession(value: unknown): PublicSession | null {
  const record = value as Partial<Record<keyof PublicSession, unknown>> | null;
  if (!record || typeof record !== 'object') return null;
  if (!MODES.includes(record.mode as InboxMode) || typeof record.signedIn !== 'boolean')
    return null;
  return {
    mode: record.mode as InboxMode,
    signedIn: record.signedIn,
    scope: isText(record.scope) ? record.scope : null,
    person: named(record.person),
    organization: named(record.organization),
  };
}

/** The session the server wrote into the page, if it did (the dev server's page has none). */
export function readPageSession(doc: Document = document): PublicSession | null {
  const content = doc.querySelector('meta[name="inbox-session"]')?.getAttribute('content');
  if (!content) return null;
  try {
    return parseSession(JSON.parse(content));
  } catch {
    return null;
  }
}

const SIGNED_OUT_TEAM: PublicSession = {
  mode: 'team',
  signedIn: false,
  scope: null,
  person: null,
  organization: null,
};

/** Asks the server; a 401 means team mode with nobody signed in. Throws when the server cannot answer. */
export async function fetchSession(): Promise<PublicSession> {
  const response = await fetch(AUTH_SESSION, {
    headers: { Accept: 'application/vnd.api+json' },
    cache: 'no-store',
  });
  if (response.status === 401) return SIGNED_OUT_TEAM;
  const session = response.ok
    ? parseSession(((await response.json()) as { data?: unknown }).data)
    : null;
  if (!session) throw new Error(`The server did not say who is signed in (${response.status})`);
  return session;
}

export type SignInField = 'token' | 'organizationId';

export class SignInError extends Error {
  readonly field: SignInField | null;
  constructor(message: string, field: SignInField | null = null) {
    super(message);
    this.name = 'SignInError';
    this.field = field;
  }
}

/** Signs in with a personal access token; the server checks it with Productive and keeps it. */
export async function signIn(token: string, organizationId: string): Promise<PublicSession> {
  let response: Response;
  try {
    response = await fetch(AUTH_SESSION, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/vnd.api+json' },
      body: JSON.stringify({ token, organizationId }),
      cache: 'no-store',
    });
  } catch {
    throw new SignInError('The inbox server cannot be reached. Check your connection.');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const session = parseSession((body as { data?: unknown } | undefined)?.data);
    if (session) return session;
    throw new SignInError('The server answered the sign-in in a way the app does not understand.');
  }
  const error = (
    body as { errors?: { detail?: unknown; code?: unknown; source?: { pointer?: unknown } }[] }
  )?.errors?.[0];
  const pointer = error?.source?.pointer;
  const field =
    pointer === 'token' || error?.code === 'invalid_token'
      ? 'token'
      : pointer === 'organizationId' || error?.code === 'wrong_organization'
        ? 'organizationId'
        : null;
  throw new SignInError(
    typeof error?.detail === 'string'
      ? error.detail
      : `Signing in failed (the server answered ${response.status}).`,
    field,
  );
}

/** Ends the session on the server (its cookie is worthless afterwards). */
export async function signOut(): Promise<void> {
  const response = await fetch(AUTH_SESSION, { method: 'DELETE', cache: 'no-store' });
  if (!response.ok && response.status !== 401) {
    throw new Error(`Signing out failed (the server answered ${response.status})`);
  }
}
