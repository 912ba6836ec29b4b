import { AUTH_SESSION, parseSession, type PublicSession } from './session.ts';

/** Signing in and out (team mode): only the sign-in form and the account line use these, each its own chunk. */

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
