import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { CURRENT_MEMBERSHIP_ID, ORGANIZATION_ID } from '../seed/generate.ts';
import { relationships, type ResourceObject } from './document.ts';
import { listHandler, showHandler, type ResourceDefinition } from './handlers.ts';
import { ApiError, badRequest, notFound } from './errors.ts';
import type { ListSpec } from './query.ts';
import { idParam, jsonApi } from './respond.ts';

type Row = Record<string, unknown>;

export const notificationListSpec: ListSpec = {
  filters: {
    id: { kind: 'ids', column: 'id' },
    before: { kind: 'datetimeBefore', column: 'last_action_ms' },
    after: { kind: 'datetimeAfter', column: 'last_action_ms' },
    date_before: { kind: 'dateBefore', column: 'last_action_ms' },
    date_after: { kind: 'dateAfter', column: 'last_action_ms' },
    dismissed: { kind: 'bool', column: 'dismissed' },
    important: { kind: 'bool', column: 'important' },
    mention: { kind: 'bool', column: 'mention' },
    project_id: { kind: 'ids', column: 'project_id' },
    type: { kind: 'text', column: 'target_type' },
  },
  includes: ['actor'],
  sorts: ['last_action_at', '-last_action_at', 'id', '-id'],
  defaultSort: '-last_action_at',
};

const bool = (value: unknown) => value === 1;

export function serializeNotification(row: Row, include: Set<string>): ResourceObject {
  return {
    id: String(row.id),
    type: 'notifications',
    attributes: {
      target_id: row.target_id,
      target_type: row.target_type,
      target_title: row.target_title,
      parent_id: row.parent_id,
      parent_type: row.parent_type,
      parent_title: row.parent_title,
      // Productive's notifications also name their root (tb-prod's schema: `root_id`, `root_type`), the project a
      // todo's task or a comment's item lives in, which the seed's older examples leave out.
      root_id: row.project_id ?? null,
      root_type: row.project_id == null ? null : 'project',
      title: row.title,
      read: bool(row.read),
      dismissed: bool(row.dismissed),
      new_activities_count: row.new_activities_count,
      excerpt: row.excerpt,
      last_action_at: row.last_action_at,
      first_unread_activity_id: row.first_unread_activity_id,
      changeset: JSON.parse(String(row.changeset)),
      important: bool(row.important),
      mention: bool(row.mention),
      target_label: row.target_label,
    },
    relationships: {
      organization: { data: { type: 'organizations', id: String(ORGANIZATION_ID) } },
      ...relationships({
        actor: { type: 'people', id: row.actor_id as number | null, include: include.has('actor') },
      }),
      owner: {
        data: {
          type: 'organization_memberships',
          id: String(row.owner_id ?? CURRENT_MEMBERSHIP_ID),
        },
      },
    },
  };
}

const notificationResource: ResourceDefinition = {
  table: 'notifications',
  spec: notificationListSpec,
  orders: {
    last_action_at: 'last_action_ms ASC, id ASC',
    '-last_action_at': 'last_action_ms DESC, id DESC',
    id: 'id ASC',
    '-id': 'id DESC',
  },
  serialize: serializeNotification,
};

const ACTIONS = { read: 'read = 1', dismiss: 'dismissed = 1', undismiss: 'dismissed = 0' } as const;

/** A PATCH must say it sends JSON:API, and a body, if any, must be JSON. */
export async function checkPatchRequest(request: Request) {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/vnd\.api\+json\s*(;|$)/i.test(contentType)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Unsupported Media Type',
      'Requests must use Content-Type: application/vnd.api+json',
    );
  }
  const text = await request.text();
  if (text.trim() === '') return;
  try {
    JSON.parse(text);
  } catch {
    throw badRequest('malformed_json', 'Malformed JSON', 'The request body is not valid JSON');
  }
}

export function notificationRoutes(db: Database): Hono {
  const routes = new Hono();
  const findOne = db.prepare('SELECT * FROM notifications WHERE id = ?');

  routes.get('/', listHandler(db, notificationResource));
  routes.get('/:id', showHandler(db, notificationResource));

  for (const [action, assignment] of Object.entries(ACTIONS)) {
    const update = db.prepare(`UPDATE notifications SET ${assignment} WHERE id = ?`);
    routes.patch(`/:id/${action}`, async (c) => {
      const id = idParam(c);
      await checkPatchRequest(c.req.raw);
      if (update.run(id).changes === 0) throw notFound();
      return jsonApi(c, {
        data: serializeNotification(findOne.get(id) as Row, new Set()),
        meta: {},
      });
    });
  }
  return routes;
}
