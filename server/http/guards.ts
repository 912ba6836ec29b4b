/** Who may talk to the server: the Host allowlist (against DNS rebinding) and same-origin writes (against CSRF). */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api/errors.ts';
import { errorResponse } from '../api/respond.ts';

/** Names on this machine the server always answers to, on the port it serves. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

interface HostOptions {
  /** The served port. Without it (in-process tests) loopback names match on any port. */
  port?: number;
  /** INBOX_ALLOWED_HOSTS: `name` matches on any port or none, `name:port` on that port only. */
  allowedHosts?: readonly string[];
}

/** Splits a Host header into name and port; null when it is not a plain host[:port]. */
export function parseHostHeader(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value.trim().toLowerCase());
  if (!match) return null;
  return { name: match[1] as string, port: match[2] === undefined ? null : Number(match[2]) };
}

export function isAllowedHost(value: string | undefined, { port, allowedHosts = [] }: HostOptions) {
  if (!value) return false;
  const host = parseHostHeader(value);
  if (!host) return false;
  if (LOOPBACK_HOSTS.includes(host.name)) {
    if (port === undefined) return true;
    return host.port === port || (host.port === null && port === 80);
  }
  return allowedHosts.some((entry) => {
    const allowed = parseHostHeader(entry);
    if (!allowed || allowed.name !== host.name) return false;
    return allowed.port === null || allowed.port === host.port;
  });
}

/**
 * Answers only requests addressed to this server by a name it knows. A page that rebinds its own
 * name to 127.0.0.1 still sends its own name as Host, and gets a plain 421 with no data.
 */
export function hostAllowlist(options: HostOptions): MiddlewareHandler {
  return async (c, next) => {
    // In-process requests (app.request in tests) carry no Host header; their URL names the host.
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!isAllowedHost(host, options)) {
      c.header('Cache-Control', 'no-store');
      return c.text(
        'Misdirected request: this server does not answer to that host name. ' +
          'Add it to INBOX_ALLOWED_HOSTS if it is yours.',
        421,
      );
    }
    await next();
  };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request may change anything. A write whose Origin is not this server's own origin, or
 * that the browser marks as `same-site` or `cross-site`, is refused. Requests that carry neither
 * header (curl, scripts, tests) are allowed: a browser always sends Origin on such writes.
 *
 * The scheme of Origin may be http or https: behind a TLS proxy the server itself sees plain http,
 * while Host (which a foreign page cannot set) is what tells this origin from another.
 */
export function isSameOriginWrite(c: Context): boolean {
  if (!WRITE_METHODS.has(c.req.method)) return true;
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  return origin === `http://${host}` || origin === `https://${host}`;
}

export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (!isSameOriginWrite(c)) {
      return errorResponse(
        c,
        new ApiError(
          403,
          'cross_origin_write',
          'Cross-Origin Request Refused',
          'Changes are accepted only from the inbox’s own pages',
        ),
      );
    }
    await next();
  };
}

/** Bodies are capped before they are read: Content-Length up front, a chunked body as it arrives. */
export function requestBodyLimit(maxSize = MAX_REQUEST_BODY_BYTES): MiddlewareHandler {
  const tooLarge = (c: Context) => {
    // Ask the client to close: the rest of an oversized body is not worth reading.
    c.header('Connection', 'close');
    return errorResponse(
      c,
      new ApiError(
        413,
        'body_too_large',
        'Request Body Too Large',
        `Request bodies are limited to ${Math.round(maxSize / 1024)} KB`,
      ),
    );
  };
  const limit = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    // A GET or HEAD has no use for a body: one that announces a large or streamed body is refused too,
    // rather than left for the server to drain.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > maxSize || c.req.header('transfer-encoding')) return tooLarge(c);
      return next();
    }
    return limit(c, next);
  };
}

/** What a browser's own fetch() or a typed address is marked as; anything else (an <img>, a <script>) is not the app. */
const APP_DESTINATIONS = new Set(['empty', 'document']);

/**
 * Whether a request to /api may be answered at all. A page on another site can make the browser send GETs
 * (<img src>, <script src>, a link): they are unreadable, but they would spend the person's Productive budget and
 * the server's work. The browser marks them (`Sec-Fetch-Site: cross-site` or `same-site`, `Sec-Fetch-Dest: image`),
 * and they are refused before anything reaches the database or Productive. The app's own requests are
 * `same-origin` fetches; requests without these headers (curl, scripts, tests) are allowed, like writes.
 */
export function isOwnApiRequest(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const destination = c.req.header('sec-fetch-dest');
  return destination === undefined || APP_DESTINATIONS.has(destination);
}

export function ownApiRequests(): MiddlewareHandler {
  return async (c, next) => {
    if (!isOwnApiRequest(c)) {
      return errorResponse(
        c,
        new ApiError(
          403,
          'cross_site_request',
          'Cross-Site Request Refused',
          'The inbox’s API answers only the inbox’s own pages',
        ),
      );
    }
    await next();
  };
}
