import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { Hono, type Context } from 'hono';
import { ApiError, notFound } from '../api/errors.ts';
import { errorResponse } from '../api/respond.ts';
import { withPageSession } from '../auth/page-session.ts';
import type { PublicSession } from '../auth/routes.ts';

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

export interface AppOptions {
  /** The Productive API v2, demo or live, mounted at /api/v2. */
  api: Hono;
  /** The built app (Vite's dist/); without it only the API is served. */
  staticRoot?: string;
  /** Who is using the inbox (/auth/session) and, in team mode, signing in and out; mounted at /auth. */
  auth?: Hono;
  /** The session description written into every page (page-session.ts); none without it. */
  pageSession?: (c: Context) => PublicSession;
}

function handleError(error: Error, c: Context) {
  if (error instanceof ApiError) return errorResponse(c, error);
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

/** One process, one origin: the API under /api/v2 and the single-page app everywhere else. */
export function createApp({ api, staticRoot, auth, pageSession }: AppOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
  app.onError(handleError);
  api.onError(handleError);
  app.route('/api/v2', api);
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
    // Top-level files such as /favicon.svg; everything else is a client route.
    app.get('/:file{[^/]+\\.[a-z0-9]+}', serveStatic({ root }));
    // The page names its session (never a token), so it is nobody's to cache but this browser's, and not even there.
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.html(pageSession ? withPageSession(indexHtml, pageSession(c)) : indexHtml);
    });
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
