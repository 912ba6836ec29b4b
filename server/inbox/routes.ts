/**
 * /api/inbox: the inbox's own endpoints (not Productive's). Snoozes of the person whose inbox the request is for:
 *
 *   GET    /api/inbox/snoozes                          → 200 {"data": Snooze[]}   (due ones are woken first)
 *   PUT    /api/inbox/snoozes/{id}  {"wakeAt": ISO}    → 200 {"data": Snooze}     (dismisses it, then schedules)
 *   DELETE /api/inbox/snoozes/{id}                     → 200 {"data": Snooze}     (undo: state "cancelled")
 *   POST   /api/inbox/snoozes/{id}/wake                → 200 {"data": Snooze}     (wake now: state "woken")
 *   POST   /api/inbox/snoozes/{id}/acknowledge         → 204                      (clears "back from snooze")
 *   POST   /api/inbox/test-clock {"now": ISO}          → 200 {"data": {"now"}}    (only with INBOX_TEST_CLOCK=1)
 *
 * Saved views and mutes: preference-routes.ts.
 * Errors are JSON:API documents, like the rest of /api.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { ApiError, badRequest, notFound } from '../api/errors.ts';
import { errorResponse, jsonApi } from '../api/respond.ts';
import type { SettableClock } from './clock.ts';
import type { NotificationGateway } from './notification-gateway.ts';
import type { MuteService } from './mute-service.ts';
import { registerPreferenceRoutes } from './preference-routes.ts';
import { MAX_SNOOZE_MS, type SnoozeService } from './snooze-service.ts';
import type { ViewStore } from './view-store.ts';

/** Whose inbox a request is for, and how to reach its notifications; null when nobody is signed in. */
export type InboxOwner = { scope: string; gateway: NotificationGateway };

export interface InboxRoutesOptions {
  service: SnoozeService;
  ownerOf: (c: Context) => InboxOwner | null;
  /** Runs around every request (team mode: ends a session whose token Productive refuses). */
  middleware?: MiddlewareHandler;
  /** INBOX_TEST_CLOCK=1: the clock that POST /api/inbox/test-clock sets. Absent: that endpoint does not exist. */
  testClock?: SettableClock;
  /** Saved views and mutes (preference-routes.ts), when the server keeps them. */
  preferences?: { views: ViewStore; mutes: MuteService };
}

const NOTIFICATION_ID = /^[1-9]\d{0,17}$/;
/** An ISO 8601 time with its offset: 2026-11-26T09:00:00+01:00, 2026-11-26T08:00:00.000Z. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const invalid = (pointer: string, detail: string) =>
  new ApiError(422, 'invalid_attribute', 'Invalid Attribute', detail, { pointer });

function notificationIdOf(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!NOTIFICATION_ID.test(id)) throw notFound('There is no such notification');
  return id;
}

/** A JSON object with exactly the one time field `name`, as epoch milliseconds. */
async function readTime(c: Context, name: string): Promise<number> {
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
    throw invalid('', `Send an object such as {"${name}": "2026-11-26T09:00:00+01:00"}`);
  }
  for (const key of Object.keys(body)) {
    if (key !== name) throw invalid(key.slice(0, 60), `"${key.slice(0, 60)}" is not accepted here`);
  }
  const value = (body as Record<string, unknown>)[name];
  const ms = typeof value === 'string' && ISO_TIME.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw invalid(
      name,
      `${name} must be a time with its offset, such as 2026-11-26T09:00:00+01:00`,
    );
  }
  return ms;
}

export function createInboxRoutes({
  service,
  ownerOf,
  middleware,
  testClock,
  preferences,
}: InboxRoutesOptions): Hono {
  const routes = new Hono();
  if (middleware) routes.use('*', middleware);
  const owner = (c: Context): InboxOwner => {
    const found = ownerOf(c);
    if (!found) {
      throw new ApiError(401, 'unauthenticated', 'Sign in required', 'Sign in to see your snoozes');
    }
    return found;
  };

  routes.get('/snoozes', async (c) => {
    const { scope, gateway } = owner(c);
    return jsonApi(c, { data: await service.list(scope, gateway) });
  });

  routes.put('/snoozes/:id', async (c) => {
    const { scope, gateway } = owner(c);
    const id = notificationIdOf(c);
    const wakeMs = await readTime(c, 'wakeAt');
    const now = service.now();
    if (wakeMs <= now) throw invalid('wakeAt', 'The wake time must be in the future');
    if (wakeMs > now + MAX_SNOOZE_MS) {
      throw invalid('wakeAt', 'A notification can be snoozed for at most a year');
    }
    return jsonApi(c, { data: await service.schedule(scope, id, wakeMs, gateway) });
  });

  routes.delete('/snoozes/:id', async (c) => {
    const { scope, gateway } = owner(c);
    return jsonApi(c, { data: await service.cancel(scope, notificationIdOf(c), gateway) });
  });

  routes.post('/snoozes/:id/wake', async (c) => {
    const { scope, gateway } = owner(c);
    return jsonApi(c, { data: await service.wake(scope, notificationIdOf(c), gateway) });
  });

  routes.post('/snoozes/:id/acknowledge', (c) => {
    const { scope } = owner(c);
    service.acknowledge(scope, notificationIdOf(c));
    return c.body(null, 204);
  });

  if (preferences) registerPreferenceRoutes(routes, { ...preferences, owner });

  if (testClock) {
    routes.post('/test-clock', async (c) => {
      testClock.set(await readTime(c, 'now'));
      await service.tick();
      await preferences?.mutes.tick();
      return jsonApi(c, { data: { now: new Date(testClock.now()).toISOString() } });
    });
  }

  routes.all('*', (c) =>
    errorResponse(
      c,
      notFound(`No endpoint answers ${c.req.method} ${new URL(c.req.url).pathname}`),
    ),
  );
  return routes;
}
