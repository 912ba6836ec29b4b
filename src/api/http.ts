import { isDeviceCleared } from '../lib/device-cleared.ts';
import { reportAnswer, reportNoAnswer } from './connection.ts';
import {
  isReadOnly,
  noteRefusedWrite,
  READ_ONLY_MESSAGE,
  setWriteAccessScope,
} from './write-access.ts';

/** The one place the app talks HTTP: the relative /api/v2 base, JSON:API headers, readable errors. */
export const API_BASE = '/api/v2';
/** The inbox's own endpoints (snoozes), not Productive's. */
export const INBOX_API_BASE = '/api/inbox';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly title: string;
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    title: string,
    detail: string,
    retryAfterSeconds: number | null = null,
  ) {
    super(detail);
    this.name = 'ApiRequestError';
    this.status = status;
    this.title = title;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let requestScope: string | null = null;
const sessionChangedListeners = new Set<() => void>();

/**
 * Every API request names the scope (backend and person) the page was opened for; a server that now serves another
 * answers 409 `session_changed` and nothing is read or done as someone else.
 */
export function setRequestScope(scope: string | null): void {
  requestScope = scope;
  setWriteAccessScope(scope);
}

/** A write refused because this token can only read (by Productive, or at once once that is known). */
export const isReadOnlyError = (error: unknown) =>
  error instanceof ApiRequestError && error.status === 403 && error.message === READ_ONLY_MESSAGE;

const readOnlyError = () => new ApiRequestError(403, 'Read-only token', READ_ONLY_MESSAGE);

/** The header that names this page's scope, for requests made outside apiRequest (keepalive reads). */
export const scopeHeaders = (): Record<string, string> =>
  requestScope ? { 'X-Inbox-Scope': requestScope } : {};

/** Calls back when the server says this page belongs to another session or server mode. */
export function onSessionChanged(listener: () => void): () => void {
  sessionChangedListeners.add(listener);
  return () => sessionChangedListeners.delete(listener);
}

const unauthenticatedListeners = new Set<() => void>();

/** Calls back whenever the server answers 401: the session ended (signed out elsewhere, expired). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * What the server says a token has left of Productive's budget (`RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset`, server/live/rate-budget.ts), seen on an answer: many requests (a bulk action) are paced from
 * it. A 429's `Retry-After` is told as nothing left until then.
 */
export interface RateHeadroom {
  limit: number;
  remaining: number;
  resetSeconds: number;
  /** When it was seen (Date.now()). */
  at: number;
}
const headroomListeners = new Set<(headroom: RateHeadroom) => void>();

/** Calls back with the budget the server tells on each answer that tells it. */
export function onRateHeadroom(listener: (headroom: RateHeadroom) => void): () => void {
  headroomListeners.add(listener);
  return () => headroomListeners.delete(listener);
}

const wholeNumber = (value: string | null) =>
  value !== null && /^\d{1,9}$/.test(value.trim()) ? Number(value) : null;

function tellHeadroom(headers: Headers, status: number) {
  if (headroomListeners.size === 0) return;
  const limit = wholeNumber(headers.get('ratelimit-limit'));
  const remaining = wholeNumber(headers.get('ratelimit-remaining'));
  const reset = wholeNumber(headers.get('ratelimit-reset'));
  const retryAfter = status === 429 ? wholeNumber(headers.get('retry-after')) : null;
  let headroom: RateHeadroom | null = null;
  if (limit !== null && remaining !== null && reset !== null)
    headroom = { limit, remaining, resetSeconds: reset, at: Date.now() };
  if (retryAfter !== null)
    headroom = {
      limit: headroom?.limit ?? 0,
      remaining: 0,
      resetSeconds: Math.max(retryAfter, headroom?.resetSeconds ?? 0),
      at: Date.now(),
    };
  if (headroom) for (const listener of [...headroomListeners]) listener(headroom);
}

/** No answer at all: offline, the server down or restarting, or no answer in time (status 0). */
export const isNetworkError = (error: unknown) =>
  error instanceof ApiRequestError && error.status === 0;

/** A request the server has not answered by then is treated like a lost connection (and retried as one). */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface RequestOptions {
  method?: 'GET' | 'PATCH' | 'PUT' | 'POST' | 'DELETE';
  params?: URLSearchParams;
  /** A JSON body (the inbox's own endpoints). */
  body?: unknown;
  /** Another base than Productive's API: `INBOX_API_BASE` for the inbox's own endpoints. */
  base?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Productive's own 429 is waited out: this many tries in all, then the refusal is passed on. */
export const RATE_LIMIT_ATTEMPTS = 8;
/** Without Retry-After, the first wait; each next one doubles, up to RATE_LIMIT_MAX_WAIT_MS. */
let rateLimitBaseMs = 1000;
const RATE_LIMIT_MAX_WAIT_MS = 30_000;
/** For tests: the first wait after a 429 without Retry-After (null: the default, 1 s). */
export function setRateLimitBackoffMs(ms: number | null) {
  rateLimitBaseMs = ms ?? 1000;
}

/** Waits, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A request to Productive's API (through the server) or the inbox's own. Productive's 429 (too many requests),
 * with or without Retry-After, is waited out here and the request sent again, so that throttling never reaches the
 * person as a failure. A write refused with 403 means the token can only read (write-access.ts): said once, and no
 * write is sent after it.
 */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
  const { method = 'GET', base = API_BASE, signal } = options;
  const write = method !== 'GET' && base === API_BASE;
  if (write && isReadOnly()) throw readOnlyError();
  for (let attempt = 1; ; attempt++) {
    // The device was cleared under this page: a change still retrying in memory (to Productive or to the inbox's
    // own server: a snooze, a mute) was dropped with it, and is never sent (the page reloads, or says so).
    if (method !== 'GET' && isDeviceCleared()) return new Promise<never>(() => {});
    try {
      return await requestOnce(path, options);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (write && error.status === 403) {
        noteRefusedWrite();
        throw readOnlyError();
      }
      if (error.status !== 429 || attempt >= RATE_LIMIT_ATTEMPTS) throw error;
      await sleep(
        error.retryAfterSeconds !== null
          ? error.retryAfterSeconds * 1000
          : Math.min(rateLimitBaseMs * 2 ** (attempt - 1), RATE_LIMIT_MAX_WAIT_MS),
        signal,
      );
    }
  }
}

async function requestOnce(
  path: string,
  {
    method = 'GET',
    params,
    signal,
    timeoutMs = REQUEST_TIMEOUT_MS,
    body: requestBody,
    base = API_BASE,
  }: RequestOptions,
): Promise<unknown> {
  const query = params && [...params].length ? `?${params.toString()}` : '';
  const timeout = AbortSignal.timeout(timeoutMs);
  const sent = requestBody === undefined ? undefined : JSON.stringify(requestBody);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base}${path}${query}`, {
      method,
      ...(sent === undefined ? {} : { body: sent }),
      headers: {
        Accept: 'application/vnd.api+json',
        'Content-Type': 'application/vnd.api+json',
        ...scopeHeaders(),
      },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      // An action sent as the page goes away (a held read, see features/inbox/api/queued-actions.ts) must still arrive. Browsers cap what
      // keepalive requests may carry in all (64 KB): only small bodies (a snooze's wake time) go that way.
      keepalive: method !== 'GET' && (sent === undefined || sent.length <= 1024),
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    reportNoAnswer();
    throw new ApiRequestError(
      0,
      'Network error',
      timeout.aborted
        ? 'The server did not answer in time.'
        : 'The server could not be reached. Check your connection.',
    );
  }
  reportAnswer();
  tellHeadroom(response.headers, response.status);
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.status === 401) for (const listener of unauthenticatedListeners) listener();
  if (response.status === 409 && errorCode(body) === 'session_changed') {
    for (const listener of sessionChangedListeners) listener();
  }
  if (!response.ok) throw errorFromResponse(response, body);
  if (response.status === 204) return null;
  if (body === undefined) {
    throw new ApiRequestError(
      response.status,
      'Malformed response',
      'The server sent a response that is not JSON.',
    );
  }
  return body;
}

const errorCode = (body: unknown) =>
  (body as { errors?: { code?: unknown }[] } | undefined)?.errors?.[0]?.code;

function errorFromResponse(response: Response, body: unknown): ApiRequestError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const first = (body as { errors?: { title?: unknown; detail?: unknown }[] } | undefined)
    ?.errors?.[0];
  const title =
    typeof first?.title === 'string' ? first.title : `Request failed (${response.status})`;
  const detail = typeof first?.detail === 'string' ? first.detail : response.statusText || title;
  return new ApiRequestError(
    response.status,
    title,
    detail,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
