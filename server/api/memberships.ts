import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { CURRENT_MEMBERSHIP_ID, ORGANIZATION_ID } from '../seed/generate.ts';
import { notFound } from './errors.ts';
import { checkPatchRequest } from './notifications.ts';
import { idParam, jsonApi } from './respond.ts';

/**
 * Productive's inbox-wide action, `PATCH /organization_memberships/{id}/dismiss_notifications` ("Dismiss all
 * notifications", documented, no filters): every notification of that membership's Inbox is dismissed in one
 * request. The membership is each notification's `owner`. Productive does not document its answer; this one
 * answers with the membership and, in `meta`, how many it dismissed.
 */
export function membershipRoutes(db: Database): Hono {
  const routes = new Hono();
  const known = db.prepare('SELECT 1 FROM notifications WHERE owner_id = ? LIMIT 1');
  const dismissAll = db.prepare(
    'UPDATE notifications SET dismissed = 1 WHERE owner_id = ? AND dismissed = 0',
  );
  routes.patch('/:id/dismiss_notifications', async (c) => {
    const id = idParam(c);
    await checkPatchRequest(c.req.raw);
    if (id !== CURRENT_MEMBERSHIP_ID && known.get(id) === undefined) throw notFound();
    const { changes } = dismissAll.run(id);
    return jsonApi(c, {
      data: {
        id: String(id),
        type: 'organization_memberships',
        attributes: {},
        relationships: {
          organization: { data: { type: 'organizations', id: String(ORGANIZATION_ID) } },
        },
      },
      meta: { dismissed_count: Number(changes) },
    });
  });
  return routes;
}
