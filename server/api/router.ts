import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { activityRoutes } from './activities.ts';
import { commentRoutes, type CommentOptions } from './comments.ts';
import { notFound } from './errors.ts';
import { membershipRoutes } from './memberships.ts';
import { notificationRoutes } from './notifications.ts';
import { resourceRoutes } from './resources.ts';
import { errorResponse } from './respond.ts';

/** The embedded Productive API v2, over the demo database. Mounted at /api/v2. */
export function createDemoApi(db: Database, options: CommentOptions = {}): Hono {
  const api = new Hono();
  api.route('/comments', commentRoutes(db, options));
  api.route('/notifications', notificationRoutes(db));
  api.route('/activities', activityRoutes(db));
  api.route('/organization_memberships', membershipRoutes(db));
  api.route('/', resourceRoutes(db));
  api.notFound((c) =>
    errorResponse(
      c,
      notFound(`No endpoint answers ${c.req.method} ${new URL(c.req.url).pathname}`),
    ),
  );
  return api;
}
