import { Hono, type Context } from 'hono';
import { ApiError } from '../api/errors.ts';
import { errorResponse, JSON_API } from '../api/respond.ts';

export interface LiveOptions {
  token: string;
  organizationId: string;
  upstream: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** The only requests forwarded upstream: what the app itself sends. */
const ALLOWED: readonly [string, RegExp][] = [
  ['GET', /^\/notifications$/],
  ['GET', /^\/notifications\/\d+$/],
  ['PATCH', /^\/notifications\/\d+\/(read|dismiss|undismiss)$/],
  ['GET', /^\/activities$/],
  ['GET', /^\/activities\/\d+$/],
  ['GET', /^\/(projects|people|tasks)$/],
  ['GET', /^\/(projects|people|tasks)\/\d+$/],
  ['GET', /^\/organization_memberships$/],
];
const PASSED_HEADERS = [
  'content-type',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];
const MAX_BODY = 64 * 1024;

const forbidden = () =>
  new ApiError(
    403,
    'forbidden',
    'Forbidden',
    'This request is not forwarded to Productive by the inbox server',
  );

/** Live mode: forwards the app's requests to Productive, adding the token that never leaves this server. */
export function createLiveApi(options: LiveOptions): Hono {
  const { token, organizationId, timeoutMs = 15_000 } = options;
  const fetchUpstream = options.fetch ?? globalThis.fetch;
  const upstream = options.upstream.replace(/\/+$/, '');
  const scrub = (text: string) => text.split(token).join('[redacted]');

  const api = new Hono();
  api.all('*', async (c: Context) => {
    const url = new URL(c.req.url);
    const path = url.pathname.replace(/^\/api\/v2/, '');
    const method = c.req.method;
    if (
      !ALLOWED.some(([allowedMethod, pattern]) => allowedMethod === method && pattern.test(path))
    ) {
      return errorResponse(c, forbidden());
    }
    let body: string | undefined;
    if (method === 'PATCH') {
      body = await c.req.text();
      if (body.length > MAX_BODY)
        return errorResponse(
          c,
          new ApiError(400, 'body_too_large', 'Body Too Large', 'The request body is too large'),
        );
    }
    let response: Response;
    try {
      response = await fetchUpstream(`${upstream}${path}${url.search}`, {
        method,
        headers: {
          Accept: 'application/vnd.api+json',
          'Content-Type': c.req.header('content-type') ?? 'application/vnd.api+json',
          'X-Auth-Token': token,
          'X-Organization-Id': organizationId,
        },
        body: body || undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return errorResponse(
        c,
        timedOut
          ? new ApiError(
              504,
              'upstream_timeout',
              'Productive Did Not Answer',
              `Productive did not answer within ${timeoutMs / 1000} s`,
            )
          : new ApiError(
              502,
              'upstream_unreachable',
              'Productive Unreachable',
              'The inbox server could not reach Productive',
            ),
      );
    }
    const text = scrub(await response.text());
    const headers = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = response.headers.get(name);
      if (value) headers.set(name, scrub(value));
    }
    if (response.status >= 300 && response.status < 400) {
      return errorResponse(
        c,
        new ApiError(
          502,
          'upstream_redirect',
          'Unexpected Redirect',
          'Productive answered with a redirect',
        ),
      );
    }
    if (!isJson(text)) {
      const status = response.ok ? 502 : response.status;
      const error = new ApiError(
        status,
        'upstream_error',
        'Productive Error',
        `Productive answered ${response.status} without a JSON:API body`,
      );
      headers.set('content-type', JSON_API);
      return new Response(JSON.stringify(error.toJSON()), { status, headers });
    }
    headers.set('content-type', JSON_API);
    return new Response(text, { status: response.status, headers });
  });
  return api;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
