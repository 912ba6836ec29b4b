/**
 * /api/inbox's saved views and mutes, of the person whose inbox the request is for (the same owner, guards and
 * error documents as snoozes; docs/decisions/018-saved-views-and-mute.md):
 *
 *   GET    /api/inbox/views                                   → 200 {"data": SavedView[]}  (in the person's order)
 *   POST   /api/inbox/views {"name", "address"}               → 201 {"data": SavedView}    (at the end)
 *   PATCH  /api/inbox/views/{id} {"name"?, "address"?, "position"?} → 200 {"data": SavedView}
 *   DELETE /api/inbox/views/{id}                              → 204
 *   GET    /api/inbox/mutes                                   → 200 {"data": Mute[]}       (applied first)
 *   PUT    /api/inbox/mutes/item/{type}/{id} {"title"}        → 200 {"data": Mute}
 *   PUT    /api/inbox/mutes/project/{id} {"title"}            → 200 {"data": Mute}
 *   DELETE /api/inbox/mutes/item/{type}/{id}, …/project/{id}  → 204                        (idempotent)
 */
import type { Context, Hono } from 'hono';
import { ApiError, badRequest, notFound } from '../api/errors.ts';
import { jsonApi } from '../api/respond.ts';
import type { MuteService } from './mute-service.ts';
import { MAX_MUTE_TITLE, TooManyMutesError, type MuteKind } from './mute-store.ts';
import type { InboxOwner } from './routes.ts';
import {
  MAX_VIEW_ADDRESS,
  MAX_VIEW_NAME,
  MAX_VIEWS,
  TooManyViewsError,
  type ViewStore,
} from './view-store.ts';

const invalid = (pointer: string, detail: string) =>
  new ApiError(422, 'invalid_attribute', 'Invalid Attribute', detail, { pointer });

const VIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TARGET_ID = /^[1-9]\d{0,17}$/;
const TARGET_TYPE = /^[a-z][a-z_]{0,39}$/;
/** An inbox view's address: one of its paths, then any query (no fragment, no spaces or controls). */
const INBOX_ADDRESS = /^\/(important|mentions|dismissed)?(\?[^\s#]*)?$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A JSON object with only the fields in `allowed`. */
async function readObject(c: Context, allowed: readonly string[]) {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(json|vnd\.api\+json)\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Unsupported Media Type', 'Send JSON');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('malformed_json', 'Malformed JSON', 'The request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('', `Send an object with ${allowed.map((name) => `"${name}"`).join(', ')}`);
  }
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw invalid(key.slice(0, 60), `"${key.slice(0, 60)}" is not accepted here`);
    }
  }
  return body as Record<string, unknown>;
}

/** A name or title: a string, trimmed, not empty, at most `max` characters, no control characters. */
function readText(value: unknown, pointer: string, what: string, max: number): string {
  if (typeof value !== 'string') throw invalid(pointer, `${what} must be text`);
  const text = value.trim();
  if (text === '') throw invalid(pointer, `${what} cannot be empty`);
  if ([...text].length > max) throw invalid(pointer, `${what} can be at most ${max} characters`);
  if (CONTROL.test(text)) throw invalid(pointer, `${what} cannot hold control characters`);
  return text;
}

function readAddress(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length > MAX_VIEW_ADDRESS ||
    !INBOX_ADDRESS.test(value) ||
    CONTROL.test(value)
  ) {
    throw invalid(
      'address',
      `address must be an inbox address such as /mentions?type=task, at most ${MAX_VIEW_ADDRESS} characters`,
    );
  }
  return value;
}

export function registerPreferenceRoutes(
  routes: Hono,
  {
    views,
    mutes,
    owner,
  }: { views: ViewStore; mutes: MuteService; owner: (c: Context) => InboxOwner },
) {
  const viewIdOf = (c: Context) => {
    const id = c.req.param('id') ?? '';
    if (!VIEW_ID.test(id)) throw notFound('There is no such saved view');
    return id;
  };

  routes.get('/views', (c) => jsonApi(c, { data: views.list(owner(c).scope) }));

  routes.post('/views', async (c) => {
    const { scope } = owner(c);
    const body = await readObject(c, ['name', 'address']);
    const name = readText(body.name, 'name', 'The name', MAX_VIEW_NAME);
    const address = readAddress(body.address);
    try {
      return jsonApi(c, { data: views.create(scope, { name, address }, Date.now()) }, 201);
    } catch (error) {
      if (error instanceof TooManyViewsError) {
        throw new ApiError(
          422,
          'too_many_views',
          'Too Many Saved Views',
          `You can keep at most ${MAX_VIEWS} saved views; delete one first`,
        );
      }
      throw error;
    }
  });

  routes.patch('/views/:id', async (c) => {
    const { scope } = owner(c);
    const id = viewIdOf(c);
    const body = await readObject(c, ['name', 'address', 'position']);
    const change: { name?: string; address?: string; position?: number } = {};
    if (body.name !== undefined)
      change.name = readText(body.name, 'name', 'The name', MAX_VIEW_NAME);
    if (body.address !== undefined) change.address = readAddress(body.address);
    if (body.position !== undefined) {
      if (!Number.isInteger(body.position) || (body.position as number) < 0) {
        throw invalid('position', 'position must be a whole number from 0');
      }
      change.position = body.position as number;
    }
    const view = views.update(scope, id, change);
    if (!view) throw notFound('There is no such saved view');
    return jsonApi(c, { data: view });
  });

  routes.delete('/views/:id', (c) => {
    const { scope } = owner(c);
    views.delete(scope, viewIdOf(c));
    return c.body(null, 204);
  });

  routes.get('/mutes', async (c) => {
    const { scope, gateway } = owner(c);
    return jsonApi(c, { data: await mutes.list(scope, gateway) });
  });

  const target = (c: Context, kind: MuteKind) => {
    const targetType = kind === 'project' ? 'project' : (c.req.param('type') ?? '');
    const targetId = c.req.param('id') ?? '';
    if (!TARGET_TYPE.test(targetType) || !TARGET_ID.test(targetId)) {
      throw notFound('There is no such item to mute');
    }
    return { targetType, targetId };
  };
  const put = (kind: MuteKind) => async (c: Context) => {
    const { scope } = owner(c);
    const { targetType, targetId } = target(c, kind);
    const body = await readObject(c, ['title']);
    const title = readText(body.title, 'title', 'The title', MAX_MUTE_TITLE);
    try {
      return jsonApi(c, { data: mutes.mute(scope, { kind, targetType, targetId, title }) });
    } catch (error) {
      if (error instanceof TooManyMutesError) {
        throw new ApiError(422, 'too_many_mutes', 'Too Many Mutes', error.message);
      }
      throw error;
    }
  };
  const remove = (kind: MuteKind) => (c: Context) => {
    const { scope } = owner(c);
    const { targetType, targetId } = target(c, kind);
    mutes.unmute(scope, kind, targetType, targetId);
    return c.body(null, 204);
  };
  routes.put('/mutes/item/:type/:id', put('item'));
  routes.put('/mutes/project/:id', put('project'));
  routes.delete('/mutes/item/:type/:id', remove('item'));
  routes.delete('/mutes/project/:id', remove('project'));
}
