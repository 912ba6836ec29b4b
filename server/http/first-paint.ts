/**
 * The Inbox view's first rows in the page (docs/decisions/019). For a browser's navigation to `/` under a
 * signed-in session, the server asks its own API (in process: the demo database, or Productive through the proxy
 * with this request's session) for the list the app asks for first, and writes the answer into the page twice:
 *
 * - as plain rows, laid out as the app's rows are (the same classes), in an inert layer over the page, with the
 *   app hidden under it: they paint as soon as the page and its stylesheet have arrived, before any script runs.
 *   No links or controls; the app removes the layer when its own list shows (src/lib/first-paint.ts);
 * - as the API's JSON in a `<script type="application/json">`, which the app puts into React Query before its
 *   first render (src/features/inbox/first-page.ts): its list renders at once and sends no request for it.
 *
 * The page stays `Cache-Control: no-store`; the service worker keeps a copy with the rows, without the JSON, for the
 * next visit (public/sw.js, docs/decisions/019). Titles,
 * names and excerpts are the API's, untrusted: only ever written as escaped text.
 */
import type { Context, Hono } from 'hono';
import type { PublicSession } from '../auth/routes.ts';

/** The layer's id (src/lib/first-paint.ts) and the JSON's (src/features/inbox/first-page.ts). */
export const FIRST_PAINT_ID = 'first-paint';
export const FIRST_PAGE_ID = 'inbox-first-page';
/**
 * Where the page wants them (the app's index.html has it, after `#root`); a page without it (the bench's stack
 * floor, served by this server too) gets none.
 */
export const FIRST_PAINT_SLOT = '<!--inbox-first-paint-->';
/** Around what is written: the service worker keeps its copy of the page without it (public/sw.js). */
export const FIRST_PAINT_START = '<!--first-paint-->';
export const FIRST_PAINT_END = '<!--/first-paint-->';
/** Rows in the layer: more than a tall screen holds (the app's own list takes over long before a scroll). */
export const FIRST_PAINT_ROWS = 24;
/** Longer than this (Productive slow or down) and the page goes without: the app asks for itself. */
export const FIRST_PAINT_WAIT_MS = 2000;
/** The app's first list request (src/api/notifications.ts, the Inbox view without filters). */
export const FIRST_PAGE_PATH =
  '/notifications?filter%5Bdismissed%5D=false&include=actor&page%5Bnumber%5D=1&page%5Bsize%5D=50';

/** The header the service worker asks for its copy of the Inbox page with (public/sw.js). */
export const COPY_HEADER = 'x-inbox-copy';

/**
 * Whether this request gets the first rows: a browser's own navigation to the Inbox view without filters, or the
 * service worker's request for its copy of that page (same origin, `X-Inbox-Copy: first-paint`), signed in. Not
 * the worker's shell, nor another script's fetch.
 */
export function wantsFirstPaint(c: Context, session: PublicSession | undefined): boolean {
  const url = new URL(c.req.url);
  const navigation =
    c.req.header('sec-fetch-mode') === 'navigate' && c.req.header('sec-fetch-dest') === 'document';
  const copy =
    c.req.header(COPY_HEADER) === 'first-paint' && c.req.header('sec-fetch-site') === 'same-origin';
  return (
    c.req.method === 'GET' &&
    (navigation || copy) &&
    url.pathname === '/' &&
    url.search === '' &&
    session !== undefined &&
    session.signedIn &&
    session.scope !== null
  );
}

/** The page's first rows and their JSON, or '' when the API does not answer with a list in time. */
export async function firstPaint(c: Context, api: Hono): Promise<string> {
  const headers = new Headers({ Accept: 'application/vnd.api+json' });
  const cookie = c.req.header('cookie');
  if (cookie) headers.set('Cookie', cookie);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), FIRST_PAINT_WAIT_MS);
  });
  try {
    const answer = Promise.resolve(api.request(FIRST_PAGE_PATH, { headers }, c.env))
      .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
      .catch(() => null);
    const body: unknown = await Promise.race([answer, late]);
    return body === null ? '' : renderFirstPaint(body, timeZoneOf(cookie));
  } finally {
    clearTimeout(timer);
  }
}

interface Resource {
  id?: unknown;
  type?: unknown;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: { id?: unknown; type?: unknown } | null } | undefined>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeText = (value: string) => value.replace(/[&<>"']/g, (found) => ESCAPES[found] ?? '');

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
/** A title's markup as plain text: its inline emphasis dropped, character references read. */
const titleText = (markup: string) =>
  markup
    .replace(/<\/?(?:b|strong|i|em)\s*>/gi, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
      if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? entity;
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : entity;
    });

const typeLabel = (type: string) => {
  const clean = type.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return clean ? `${clean[0]?.toUpperCase()}${clean.slice(1)}` : 'Item';
};

const typeName = (value: unknown) => text(value).trim().toLowerCase();

/**
 * Where the item lives, as the app's row says it (src/features/inbox/model/place.ts) where the answer alone can
 * tell: the project when it is the parent, else the parent; nothing for a project known only by its id (the app
 * names it once it has the project list).
 */
function placeOf(attributes: Record<string, unknown>): string {
  const parent = text(attributes.parent_title).trim();
  if (
    typeName(attributes.root_type) === 'project' &&
    typeName(attributes.parent_type) !== 'project'
  )
    return '';
  return parent;
}

/** The cookie the app sets with the reader's time zone (src/start.tsx): the layer's day headers fall where its own do. */
export const TIME_ZONE_COOKIE = 'inbox-tz';

function timeZoneOf(cookie: string | undefined): string | null {
  const value = /(?:^|;\s*)inbox-tz=([^;]{1,64})/.exec(cookie ?? '')?.[1];
  if (!value) return null;
  try {
    const zone = decodeURIComponent(value);
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

/** A notification's calendar day in the time zone (null without one, or without a time). */
function dayKey(timeZone: string | null): (notification: Resource) => string | null {
  if (!timeZone) return () => null;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (notification) => {
    const time = Date.parse(text(notification.attributes?.last_action_at));
    return Number.isNaN(time) ? null : format.format(time);
  };
}

const SHAPE = 'rounded-md bg-slate-100 dark:bg-slate-900';
const DAY_HEADER = '<div class="bg-slate-50 dark:bg-slate-900" style="height:1.75rem"></div>';
const NAV_LINK = 'block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap';
const VIEWS = ['Inbox', 'Important', 'Mentions', 'Dismissed', 'Snoozed'];

/**
 * What the app shows above its list, at the same heights (src/app/App.tsx's account line, InboxSidebar, the
 * Inbox page's search and filter bar, ListHeader, the selection bar), without its controls: the first row sits
 * where the app's first row will (e2e/first-paint.spec.ts measures both), on a phone and wider.
 */
function frameAbove(total: number | null): string {
  const line = 'border-b border-slate-200 dark:border-slate-800';
  const views = VIEWS.map(
    (view, index) =>
      `<span class="${NAV_LINK} ${index === 0 ? 'bg-brand-100 text-brand-700 dark:bg-brand-700 dark:text-white' : 'text-slate-700 dark:text-slate-300'}">${view}</span>`,
  ).join('');
  return [
    `<div class="${line}" style="height:2.0625rem"></div>`,
    '<div class="flex flex-col sm:flex-row">',
    `<div class="flex shrink-0 overflow-hidden ${line} sm:min-h-screen sm:w-48 sm:flex-col sm:border-r sm:border-b-0" >`,
    '<p class="hidden px-4 pt-4 text-sm font-semibold tracking-wide text-brand-700 uppercase sm:block dark:text-brand-100">Productive inbox</p>',
    '<div class="hidden sm:block" style="height:3.5rem"></div>',
    `<div class="flex gap-1 px-2 py-1.5 sm:flex-col sm:px-3 sm:py-3">${views}</div>`,
    '</div>',
    '<div class="min-w-0 flex-1">',
    // The title, the search box and the filters, as shapes.
    `<div class="flex items-center gap-2 px-3 pt-2 sm:px-4" style="height:2.625rem"><span class="hidden text-lg leading-6 font-semibold sm:block">Inbox</span><span class="${SHAPE} flex-1" style="height:2.125rem"></span></div>`,
    `<div class="${line} px-3 py-1.5 sm:px-4" style="height:2.9375rem"><span class="${SHAPE} block w-20 sm:w-3/5" style="height:2.125rem"></span></div>`,
    `<p class="px-3 py-1 text-xs leading-4 text-slate-600 sm:px-4 dark:text-slate-400" style="height:1.5625rem">${total === null ? '' : `${total.toLocaleString('en-US')} notification${total === 1 ? '' : 's'}`}</p>`,
    `<div class="${line}" style="height:2.25rem"></div>`,
    '<div>',
  ].join('');
}

/**
 * One row as the app's NotificationRow lays it out (the same classes, two lines, the same height), without its
 * controls, initials, icon or time: the app's rows take its place without the list moving.
 */
function row(notification: Resource, people: Map<string, string>): string {
  const attributes = notification.attributes ?? {};
  const unread = attributes.read !== true;
  const actorId = notification.relationships?.actor?.data?.id;
  const actor = typeof actorId === 'string' ? people.get(actorId) : undefined;
  const label = typeLabel(text(attributes.target_label) || text(attributes.target_type));
  const place = placeOf(attributes);
  const excerpt = text(attributes.excerpt);
  return [
    '<div class="relative overflow-hidden">',
    `<article data-testid="first-paint-row" class="group relative flex items-center gap-2.5 border-b border-slate-200 bg-white py-1 pr-3 pl-3 sm:pr-4 dark:border-slate-800 dark:bg-slate-950">`,
    unread
      ? '<span class="absolute inset-y-1 left-0 w-1 rounded-r bg-brand-600 dark:bg-brand-400"></span>'
      : '',
    '<span class="size-4 shrink-0 rounded-sm border border-slate-400"></span>',
    // Where the app draws the person's picture or initials: the same circle, before its colour.
    '<span class="size-8 shrink-0 rounded-full bg-slate-200 dark:bg-slate-800"></span>',
    '<div class="min-w-0 flex-1">',
    '<div class="flex h-5 items-baseline gap-2">',
    `<span class="min-w-0 flex-1 truncate text-sm leading-5 ${unread ? 'font-semibold text-slate-950 dark:text-white' : 'text-slate-700 dark:text-slate-300'}">`,
    actor ? `<span>${escapeText(actor)} </span>` : '',
    `${escapeText(titleText(text(attributes.title)))}</span></div>`,
    '<p class="flex h-4 min-w-0 items-center gap-1.5 text-xs leading-4 text-slate-600 dark:text-slate-400">',
    place
      ? `<span class="max-w-[60%] shrink-0 truncate font-medium text-slate-700 dark:text-slate-300">${escapeText(place)}</span>`
      : '',
    `<span class="shrink-0 rounded bg-slate-100 px-1 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">${escapeText(label)}</span>`,
    excerpt ? `<span class="min-w-0 truncate">${escapeText(excerpt)}</span>` : '',
    '</p></div></article></div>',
  ].join('');
}

/** JSON for a `<script type="application/json">`: no `<` in it can close the element or open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * What the page carries, given the API's answer to the first list request: the layer of rows and the answer.
 * '' when the answer is no notification list, or an empty one (the app's own empty state says more).
 */
export function renderFirstPaint(body: unknown, timeZone: string | null = null): string {
  if (!isRecord(body) || !Array.isArray(body.data)) return '';
  const notifications = (body.data as unknown[]).filter(
    (item): item is Resource => isRecord(item) && item.type === 'notifications',
  );
  if (notifications.length === 0) return '';
  const people = new Map<string, string>();
  for (const item of Array.isArray(body.included) ? (body.included as unknown[]) : []) {
    if (!isRecord(item) || item.type !== 'people' || typeof item.id !== 'string') continue;
    const attributes = isRecord(item.attributes) ? item.attributes : {};
    const name =
      `${text(attributes.first_name).trim()} ${text(attributes.last_name).trim()}`.trim();
    people.set(item.id, name || 'Someone');
  }
  const shown = notifications.slice(0, FIRST_PAINT_ROWS);
  const dayOf = dayKey(timeZone);
  const total =
    isRecord(body.meta) && typeof body.meta.total_count === 'number' ? body.meta.total_count : null;
  return [
    FIRST_PAINT_START,
    `<div id="${FIRST_PAINT_ID}" inert aria-hidden="true" class="absolute inset-x-0 top-0 z-50 min-h-screen bg-white dark:bg-slate-950">`,
    // The app renders under the layer meanwhile, unseen and out of reach; it shows when the layer goes.
    '<style>#root{visibility:hidden}</style>',
    frameAbove(total),
    shown
      .map((notification, index) => {
        // A day header before each day's first row, where the app puts one (in the reader's time zone, when the
        // app has said which: without it, only the first).
        const day = dayOf(notification);
        const previous = index === 0 ? undefined : dayOf(shown[index - 1] as Resource);
        const header = index === 0 || (day !== null && day !== previous) ? DAY_HEADER : '';
        return header + row(notification, people);
      })
      .join(''),
    // The rows, the main column, the frame, the layer.
    '</div></div></div></div>',
    `<script type="application/json" id="${FIRST_PAGE_ID}">${scriptJson(body)}</script>`,
    FIRST_PAINT_END,
  ].join('');
}
