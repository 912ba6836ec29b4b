import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { ApiError, notFound } from '../api/errors.ts';
import { describeStorageError, isStorageError } from '../db/database.ts';
import { errorResponse } from '../api/respond.ts';
import { withPageSession } from '../auth/page-session.ts';
import type { PublicSession } from '../auth/routes.ts';
import { FIRST_PAINT_SLOT, firstPaint, wantsFirstPaint } from './first-paint.ts';
import { hostAllowlist, ownApiRequests, requestBodyLimit, sameOriginWrites } from './guards.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Powerful browser features the app never uses, switched off for every page. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Paths whose responses carry people's data (the API, and sign-in under /auth): never stored by any cache. */
const PRIVATE_PATHS = /^\/(api|auth)(\/|$)/;

export interface AppOptions {
  /** The Productive API v2, demo or live, mounted at /api/v2. */
  api: Hono;
  /** The built app (Vite's dist/); without it only the API is served. */
  staticRoot?: string;
  /** The inbox's own endpoints (snoozes), mounted at /api/inbox. */
  inbox?: Hono;
  /** Who is using the inbox (/auth/session) and, in team mode, signing in and out; mounted at /auth. */
  auth?: Hono;
  /** The session description written into every page (page-session.ts); none without it. */
  pageSession?: (c: Context) => PublicSession;
  /** The scope a request is served under: a page that claims another gets 409 (see sessionUnchanged). */
  currentScope?: (c: Context) => string | null;
  /** The port the server listens on: loopback Host headers must name it. Omitted: any port (in-process tests). */
  port?: number;
  /** INBOX_ALLOWED_HOSTS: further names the server answers to (`name` on any port, `name:port` on that one). */
  allowedHosts?: readonly string[];
}

/**
 * Sets headers on the response a handler made, in place. Hono's `c.header()` after `next()` rebuilds the whole
 * response per header (its body becomes a stream), which cost more than the proxy's own work under load; a response
 * whose headers are immutable (one straight from fetch) is rebuilt once, the way `c.header()` would.
 */
function setResponseHeaders(c: Context, headers: readonly [string, string][]): void {
  try {
    const target = c.res.headers;
    for (const [name, value] of headers) target.set(name, value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    for (const [name, value] of headers) c.header(name, value);
  }
}

function handleError(error: Error, c: Context) {
  if (error instanceof ApiError) return errorResponse(c, error);
  // A full, read-only or failing disk: the write did not happen, and the app is told so (it may try again later).
  if (isStorageError(error)) {
    console.error(`Storage failed: ${describeStorageError(error)} (${c.req.method} ${c.req.path})`);
    c.header('Retry-After', '60');
    return errorResponse(
      c,
      new ApiError(
        503,
        'storage_unavailable',
        'Storage Unavailable',
        'The inbox server cannot write to its disk right now, so nothing was changed. Try again later.',
      ),
    );
  }
  console.error('Unexpected server error:', error);
  return errorResponse(
    c,
    new ApiError(
      500,
      'internal_error',
      'Internal Server Error',
      'Something went wrong on the inbox server',
    ),
  );
}

/**
 * A page sends the scope it was served for (`X-Inbox-Scope`). If this server now serves another (the same address
 * restarted in another mode, another person signed in in another tab), the request is refused with 409 before it
 * reaches the database or Productive, and the page starts afresh: nothing it holds is shown or sent as someone else.
 */
function sessionUnchanged(currentScope: (c: Context) => string | null): MiddlewareHandler {
  return async (c, next) => {
    const claimed = c.req.header('x-inbox-scope');
    const current = claimed === undefined ? null : currentScope(c);
    // No current scope (team mode, signed out): the API itself answers 401, and the page shows the sign-in form.
    if (claimed !== undefined && current !== null && claimed !== current) {
      return errorResponse(
        c,
        new ApiError(
          409,
          'session_changed',
          'Session changed',
          'This page was opened for another account or server mode. Reload it.',
        ),
      );
    }
    await next();
  };
}

/** One process, one origin: the API under /api/v2 and the single-page app everywhere else. */
export function createApp({
  api,
  inbox,
  staticRoot,
  auth,
  pageSession,
  currentScope,
  port,
  allowedHosts,
}: AppOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    const headers: [string, string][] = [
      ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
      ['X-Content-Type-Options', 'nosniff'],
      ['Referrer-Policy', 'no-referrer'],
      ['X-Frame-Options', 'DENY'],
      ['Cross-Origin-Opener-Policy', 'same-origin'],
      ['Cross-Origin-Resource-Policy', 'same-origin'],
      ['Permissions-Policy', PERMISSIONS_POLICY],
    ];
    if (PRIVATE_PATHS.test(c.req.path)) headers.push(['Cache-Control', 'no-store']);
    setResponseHeaders(c, headers);
  });
  // In this order: a foreign Host learns nothing, a foreign write changes nothing, a big body is never read.
  app.use('*', hostAllowlist({ port, allowedHosts }));
  app.use('*', sameOriginWrites());
  app.use('*', requestBodyLimit());
  app.use('/api/*', ownApiRequests());
  app.use('/api', ownApiRequests());
  if (currentScope) app.use('/api/*', sessionUnchanged(currentScope));
  app.onError(handleError);
  api.onError(handleError);
  app.route('/api/v2', api);
  if (inbox) {
    inbox.onError(handleError);
    app.route('/api/inbox', inbox);
  }
  if (auth) {
    auth.onError(handleError);
    app.route('/auth', auth);
  }
  app.all('/api', (c) =>
    errorResponse(c, notFound('No endpoint here: the API lives under /api/v2')),
  );
  app.all('/api/*', (c) =>
    errorResponse(
      c,
      notFound(`No endpoint answers ${c.req.method} ${new URL(c.req.url).pathname}`),
    ),
  );

  const indexPath = staticRoot ? join(staticRoot, 'index.html') : undefined;
  if (staticRoot && indexPath && existsSync(indexPath)) {
    const indexHtml = readFileSync(indexPath, 'utf8');
    const root = relative(process.cwd(), staticRoot) || '.';
    // Hashed file names never change content: cache them for good, and send them compressed.
    app.use('/assets/*', compress(), async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root }));
    app.get('/assets/*', (c) => c.text('Not found', 404));
    // The service worker is checked for a new version on every visit.
    app.use('/sw.js', async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'no-cache');
    });
    // The page names its session (never a token), so it is nobody's to cache but this browser's, and not even there.
    const page = async (c: Context) => {
      c.header('Cache-Control', 'no-store');
      const session = pageSession?.(c);
      const html = session ? withPageSession(indexHtml, session) : indexHtml;
      // The Inbox view's first rows, written into the page (first-paint.ts).
      if (!html.includes(FIRST_PAINT_SLOT) || !wantsFirstPaint(c, session)) return c.html(html);
      const rows = await firstPaint(c, api);
      return c.html(rows ? html.replace(FIRST_PAINT_SLOT, () => rows) : html);
    };
    // The page by its file name is the same page, never the raw file.
    app.get('/index.html', compress(), page);
    // Top-level files such as /favicon.svg; everything else is a client route.
    app.get('/:file{[^/]+\\.[a-z0-9]+}', serveStatic({ root }));
    // Compressed: with its first rows (first-paint.ts) the page is some 60 KB, 7 KB in gzip.
    app.get('*', compress(), page);
  } else {
    app.get('*', (c) =>
      c.text(
        'The app is not built. Run `npm start` (or `npm run build`) to build and serve it.',
        503,
      ),
    );
  }
  return app;
}
