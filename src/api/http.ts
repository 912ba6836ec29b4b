import { reportAnswer, reportNoAnswer } from './connection.ts';

/** The one place the app talks HTTP: the relative /api/v2 base, JSON:API headers, readable errors. */
export const API_BASE = '/api/v2';

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

/** A request the server has not answered by then is treated like a lost connection (and retried as one). */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface RequestOptions {
  method?: 'GET' | 'PATCH';
  params?: URLSearchParams;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export async function apiRequest(
  path: string,
  { method = 'GET', params, signal, timeoutMs = REQUEST_TIMEOUT_MS }: RequestOptions = {},
): Promise<unknown> {
  const query = params && [...params].length ? `?${params.toString()}` : '';
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${API_BASE}${path}${query}`, {
      method,
      headers: { Accept: 'application/vnd.api+json', 'Content-Type': 'application/vnd.api+json' },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      // An action sent as the page goes away (a held read, see read-hold.ts) must still arrive.
      keepalive: method === 'PATCH',
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
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorFromResponse(response, body);
  if (body === undefined) {
    throw new ApiRequestError(
      response.status,
      'Malformed response',
      'The server sent a response that is not JSON.',
    );
  }
  return body;
}

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
