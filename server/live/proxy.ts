import { Hono, type Context } from 'hono';
import { commentDocument, parseCommentRequest } from '../api/comment-request.ts';
import { ApiError, badRequest } from '../api/errors.ts';
import { errorResponse, JSON_API } from '../api/respond.ts';
import { readRequestDocument } from '../http/request-body.ts';
import { RateBudget, refusal, setHeadroomHeaders } from './rate-budget.ts';
import { NOT_JSON, scrubbedAnswer, scrubText, TOO_DEEP } from './scrub.ts';
import {
  callUpstream,
  UpstreamFailure,
  type UpstreamAnswer,
  type UpstreamFailureKind,
} from './upstream.ts';

export { scrubText } from './scrub.ts';

/** Whose Productive account a request acts for: personal mode's one token, or a team member's session. */
/** What every request to Productive carries: JSON:API, and whose token in which organization. */
export const productiveHeaders = ({ token, organizationId }: UpstreamCredentials) => ({
  Accept: 'application/vnd.api+json',
  'Content-Type': 'application/vnd.api+json',
  'X-Auth-Token': token,
  'X-Organization-Id': organizationId,
});

export interface UpstreamCredentials {
  token: string;
  organizationId: string;
}

export interface LiveOptions {
  /** Productive's API base, e.g. https://api.productive.io/api/v2. */
  upstream: string;
  /** The credentials for this request; undefined means nobody is signed in (401, nothing forwarded). */
  credentials: (
    c: Context,
  ) => UpstreamCredentials | undefined | Promise<UpstreamCredentials | undefined>;
  /** Requests go through this when given; otherwise over node:http(s) with keep-alive agents (upstream.ts). */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Productive's two rate windows per token (rate-budget.ts); a fresh, enforcing one when not given. */
  budget?: RateBudget;
}

/** A record id in a path: 1 to 18 digits, so it fits the upstream's 64-bit ids. */
const ID = '[1-9]\\d{0,17}';

/**
 * What a query parameter may hold. Values are short and plain: ids, numbers, booleans, ISO times,
 * comma-separated lists of those.
 */
const NUMBER = /^[1-9]\d{0,5}$/;
const BOOLEAN = /^(true|false)$/;
const ID_LIST = /^[1-9]\d{0,17}(,[1-9]\d{0,17}){0,199}$/;
const TIME = /^[0-9T:.+\-Z]{1,40}$/;
const WORD_LIST = /^[a-z_]{1,40}(,[a-z_]{1,40}){0,19}$/;
/** Target types as the seed's examples spell them (`Task,Todo`), or in lower case. */
const TYPE_LIST = /^[A-Za-z_]{1,40}(,[A-Za-z_]{1,40}){0,19}$/;
/** Productive's pages are 1–200 records long. */
const PAGE_SIZE = /^([1-9]|[1-9]\d|1\d\d|200)$/;
const PAGE = { 'page[number]': NUMBER, 'page[size]': PAGE_SIZE };
const exactly =
  (...values: string[]) =>
  (value: string) =>
    values.includes(value);

type Rule = RegExp | ((value: string) => boolean);

/**
 * The only requests forwarded upstream: the paths, and per path the query parameters, that the app
 * itself sends (src/api/). Anything else is refused (403 for a path, 400 for a parameter), never
 * silently changed, so a caller learns exactly what was not forwarded.
 */
const ROUTES: readonly {
  method: string;
  path: RegExp;
  query: Record<string, Rule>;
  /** The one body shape this route forwards: checked, then rebuilt (never the bytes that came in). */
  body?: (document: unknown) => unknown;
  /** It sets a state: sent twice, the same (the proxy may send it once more, upstream.ts). A GET always is. */
  repeatable?: true;
}[] = [
  {
    method: 'GET',
    path: /^\/notifications$/,
    query: {
      'filter[dismissed]': BOOLEAN,
      'filter[important]': BOOLEAN,
      'filter[mention]': BOOLEAN,
      'filter[project_id]': ID_LIST,
      // Target types by name: Task,Todo,Deal… (any letter case)
      'filter[type]': TYPE_LIST,
      'filter[after]': TIME,
      'filter[before]': TIME,
      include: exactly('actor'),
      ...PAGE,
    },
  },
  {
    method: 'GET',
    path: new RegExp(`^/notifications/${ID}$`),
    query: { include: exactly('actor') },
  },
  {
    method: 'PATCH',
    path: new RegExp(`^/notifications/${ID}/(read|dismiss|undismiss)$`),
    query: {},
    repeatable: true,
  },
  // The whole Inbox dismissed in one request (the membership is each notification's owner); never clear_notifications.
  {
    method: 'PATCH',
    path: new RegExp(`^/organization_memberships/${ID}/dismiss_notifications$`),
    query: {},
    repeatable: true,
  },
  {
    method: 'GET',
    path: /^\/activities$/,
    query: {
      'filter[task_id]': ID_LIST,
      // A deal's and a discussion's feeds (src/api/activities.ts), where replies go too.
      'filter[deal_id]': ID_LIST,
      'filter[discussion_id]': ID_LIST,
      // Activity kinds by number: 1 comments, 2 changes, 3 emails.
      'filter[type]': ID_LIST,
      'filter[event]': WORD_LIST,
      'filter[creator_id]': ID_LIST,
      sort: exactly('created_at', '-created_at'),
      include: exactly('creator,comment,email,attachment'),
      ...PAGE,
    },
  },
  {
    method: 'GET',
    path: new RegExp(`^/activities/${ID}$`),
    query: { include: exactly('creator,comment,email,attachment') },
  },
  // Active projects for the filter (1), archived ones behind "Show archived" (2), or all.
  { method: 'GET', path: /^\/projects$/, query: { 'filter[status]': exactly('1', '2'), ...PAGE } },
  // The people a reply can mention (src/api/people.ts): active users, every page of them.
  { method: 'GET', path: /^\/people$/, query: { 'filter[status]': exactly('1'), ...PAGE } },
  {
    method: 'GET',
    path: new RegExp(`^/tasks/${ID}$`),
    query: { include: exactly('project,workflow_status') },
  },
  {
    method: 'POST',
    path: /^\/comments$/,
    query: {},
    body: (document) => commentDocument(parseCommentRequest(document)),
  },
];

const PASSED_HEADERS = [
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];
/** Productive's largest answers (200 projects with includes) are well under this; more is not read. */
export const MAX_UPSTREAM_BODY = 16 * 1024 * 1024;

const forbidden = () =>
  new ApiError(
    403,
    'forbidden',
    'Forbidden',
    'This request is not forwarded to Productive by the inbox server',
  );
const unauthenticated = () =>
  new ApiError(401, 'unauthenticated', 'Sign in required', 'Sign in to see your notifications');
const upstreamTimeout = (timeoutMs: number) =>
  new ApiError(
    504,
    'upstream_timeout',
    'Productive Did Not Answer',
    `Productive did not answer within ${timeoutMs / 1000} s`,
  );
const upstreamUnreachable = () =>
  new ApiError(
    502,
    'upstream_unreachable',
    'Productive Unreachable',
    'The inbox server could not reach Productive',
  );
const upstreamTooLarge = () =>
  new ApiError(
    502,
    'upstream_too_large',
    'Productive Answer Too Large',
    `Productive's answer was larger than the inbox server accepts (${MAX_UPSTREAM_BODY / 1024 / 1024} MB)`,
  );
const upstreamBroken = () =>
  new ApiError(
    502,
    'upstream_broken',
    'Productive Answer Incomplete',
    'The connection to Productive broke while it was answering',
  );

/** The query string to forward, rebuilt from the parameters the route allows; an ApiError otherwise. */
function allowedQuery(url: URL, rules: Record<string, Rule>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    const rule = rules[name];
    if (!rule) {
      throw badRequest(
        'parameter_not_allowed',
        'Parameter Not Allowed',
        `The inbox server does not forward the parameter "${name.slice(0, 60)}" to Productive`,
        name.slice(0, 60),
      );
    }
    const valid = typeof rule === 'function' ? rule(value) : rule.test(value);
    if (query.has(name) || !valid) {
      throw badRequest(
        'invalid_parameter',
        'Invalid Parameter',
        `The parameter "${name}" must be given once, with a value the app would send`,
        name,
      );
    }
    query.set(name, value);
  }
  return query;
}

/**
 * Live modes (personal now, team soon): forwards the app's requests to Productive with the
 * credentials of whoever the request is for. Tokens never leave this server.
 */
export function createLiveApi(options: LiveOptions): Hono {
  const { timeoutMs = 15_000 } = options;
  const failures: Record<UpstreamFailureKind, () => ApiError> = {
    unreachable: upstreamUnreachable,
    timeout: () => upstreamTimeout(timeoutMs),
    broken: upstreamBroken,
    'too-large': upstreamTooLarge,
  };
  const upstream = options.upstream.replace(/\/+$/, '');
  const budget = options.budget ?? new RateBudget();

  const api = new Hono();
  api.all('*', async (c: Context) => {
    const credentials = await options.credentials(c);
    if (!credentials) return errorResponse(c, unauthenticated());
    const { token, organizationId } = credentials;

    const url = new URL(c.req.url);
    const path = url.pathname.replace(/^\/api\/v2/, '');
    const method = c.req.method;
    const route = ROUTES.find((route) => route.method === method && route.path.test(path));
    if (!route) return errorResponse(c, forbidden());
    let query: URLSearchParams;
    try {
      query = allowedQuery(url, route.query);
    } catch (error) {
      return errorResponse(c, error as ApiError);
    }
    const search = query.size ? `?${query.toString()}` : '';
    let body: string | undefined;
    if (route.body) {
      try {
        body = JSON.stringify(route.body(await readRequestDocument(c.req.raw)));
      } catch (error) {
        return errorResponse(c, error as ApiError);
      }
    }

    // Counted only once it is sure to go upstream; over either window, refused here before Productive would.
    const decision = budget.take(token);
    if (!decision.ok) return refusal(c, decision.retryAfterSeconds, budget, token);

    let response: UpstreamAnswer;
    try {
      // Actions carry everything in the path: no request body is forwarded, whatever was sent,
      // except a route's own checked and rebuilt document. One deadline for the whole exchange.
      response = await callUpstream(
        `${upstream}${path}${search}`,
        {
          method,
          headers: productiveHeaders({ token, organizationId }),
          body,
          timeoutMs,
          maxBytes: MAX_UPSTREAM_BODY,
          // A GET, or a route that sets a state (read, dismiss, undismiss, dismiss all); never a reply.
          repeatable: method === 'GET' || route.repeatable === true,
        },
        options.fetch,
      );
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      return errorResponse(c, failures[error.kind]());
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
    const ok = response.status >= 200 && response.status < 300;

    const headers = new Headers({ 'Content-Type': JSON_API });
    for (const name of PASSED_HEADERS) {
      const value = response.header(name);
      if (value) headers.set(name, scrubText(value, token));
    }
    // Productive's own 429, with or without Retry-After, leaves with one the app can wait out.
    if (response.status === 429) {
      headers.set(
        'Retry-After',
        String(budget.refusedUpstream(token, response.header('retry-after'))),
      );
    }
    setHeadroomHeaders(headers, budget, token);
    const answer = scrubbedAnswer(response.body, token);
    if (answer === NOT_JSON) {
      // Never passed through raw: a non-JSON answer becomes our own JSON:API error.
      const status = ok ? 502 : response.status;
      const error = new ApiError(
        status,
        'upstream_error',
        'Productive Error',
        `Productive answered ${response.status} without a JSON:API body`,
      );
      return new Response(JSON.stringify(error.toJSON()), { status, headers });
    }
    if (answer === TOO_DEEP) {
      const error = new ApiError(
        502,
        'upstream_too_deep',
        'Productive Answer Too Deep',
        'Productive answered with JSON nested deeper than the inbox server passes on',
      );
      return new Response(JSON.stringify(error.toJSON()), { status: 502, headers });
    }
    return new Response(answer, { status: response.status, headers });
  });
  return api;
}
