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

export const AUTH_SESSION = '/auth/session';
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
