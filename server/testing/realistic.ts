/**
 * The stand-in's realistic shape (STANDIN_REALISTIC=1): Productive's API as its own sources show it answering,
 * where it differs from the seed's examples (../shared/productive-api.md, "Checked against real sources"):
 * capitalised `target_type`, `first_unread_activity_id` as a string, `changeset` as an object, activity pages with
 * only `links.first` and no totals, `destroy` events, emails whose `from` is a plain string with `body_html` beside
 * `body` (an Outlook email's `body` empty), and projects and people that include the recorded ones from
 * the recordings (src/testing/recordings; archived projects, deactivated contacts and placeholders among them).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '../db/database.ts';

type Resource = {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, unknown>;
};
type Document = {
  data?: Resource | Resource[];
  included?: Resource[];
  links?: Record<string, string>;
  meta?: Record<string, unknown>;
};

/**
 * The recordings' copy in the repository (src/testing/recordings, from ../shared/productive-recordings, with their
 * licence), so every clone has them; INBOX_RECORDINGS_DIR points elsewhere.
 */
export const recordingsDirectory = process.env.INBOX_RECORDINGS_DIR
  ? resolve(process.env.INBOX_RECORDINGS_DIR)
  : resolve(import.meta.dirname, '../../src/testing/recordings');

/** The records of one recorded response body (`http_interactions[].response.body.string`). */
export function readRecording(file: string): Resource[] {
  const cassette = JSON.parse(readFileSync(join(recordingsDirectory, file), 'utf8')) as {
    http_interactions: { response: { body: { string: string } } }[];
  };
  const records: Resource[] = [];
  for (const interaction of cassette.http_interactions) {
    const body = JSON.parse(interaction.response.body.string) as Document;
    const data = body.data;
    if (Array.isArray(data)) records.push(...data);
    else if (data) records.push(data);
  }
  return records;
}

/**
 * Turns a person's demo database into what the real API holds: `destroy` for deleted; an email's markup in
 * `body_html` and its plain text in `body`, except every third email, an Outlook one, whose `body` is empty.
 */
export function makeRealistic(db: Database) {
  db.exec(`UPDATE activities SET event = 'destroy' WHERE event = 'delete'`);
  db.exec(
    `CREATE TABLE IF NOT EXISTS standin_email_html (id INTEGER PRIMARY KEY, body_html TEXT NOT NULL)`,
  );
  const emails = db.prepare('SELECT id, body FROM emails').all() as { id: number; body: string }[];
  const keep = db.prepare(
    'INSERT OR REPLACE INTO standin_email_html (id, body_html) VALUES (?, ?)',
  );
  const setBody = db.prepare('UPDATE emails SET body = ? WHERE id = ?');
  for (const email of emails) {
    keep.run(email.id, `<div class="WordSection1">${email.body}</div>`);
    setBody.run(email.id % 3 === 0 ? '' : plainText(email.body), email.id);
  }
}

/** The demo's email markup as the plain text Productive puts in `body`: paragraphs apart, tags gone. */
const plainText = (html: string) =>
  html
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

const capitalised = (value: unknown) =>
  typeof value === 'string' && value ? value[0]?.toUpperCase() + value.slice(1) : value;

/** `[{"status":[a,b]},{"title":[c,d]}]` → `{"status":[a,b],"title":[c,d]}`, as the schema types it. */
const changesetObject = (value: unknown) =>
  Array.isArray(value)
    ? Object.assign({}, ...value.filter((entry) => entry && typeof entry === 'object'))
    : value;

function notification(resource: Resource) {
  const attributes = resource.attributes;
  attributes.target_type = capitalised(attributes.target_type);
  if (typeof attributes.first_unread_activity_id === 'number') {
    attributes.first_unread_activity_id = String(attributes.first_unread_activity_id);
  }
  attributes.changeset = changesetObject(attributes.changeset);
}

function email(resource: Resource, html: { get(id: number): string | undefined }) {
  const attributes = resource.attributes;
  const from = attributes.from as { name?: string; address?: string } | string | undefined;
  attributes.from = typeof from === 'object' && from ? (from.address ?? '') : from;
  const body = typeof attributes.body === 'string' ? attributes.body : '';
  attributes.body_html = html.get(Number(resource.id)) ?? null;
  attributes.snippet = (body || String(attributes.body_html ?? '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  attributes.is_outgoing = false;
}

/** Rewrites one answer of the embedded API (path without /api/v2) into the real API's shape. */
export function realisticAnswer(path: string, document: Document, db: Database): Document {
  const htmlOf = db.prepare('SELECT body_html FROM standin_email_html WHERE id = ?');
  const html = {
    get: (id: number) =>
      (htmlOf.get(id) as { body_html: string } | undefined)?.body_html ?? undefined,
  };
  const resources = [
    ...(Array.isArray(document.data) ? document.data : document.data ? [document.data] : []),
    ...(document.included ?? []),
  ];
  for (const resource of resources) {
    if (resource.type === 'notifications') notification(resource);
    if (resource.type === 'activities') {
      resource.attributes.changeset = changesetObject(resource.attributes.changeset);
    }
    if (resource.type === 'emails') email(resource, html);
  }
  if (/^\/activities\/?$/.test(path) && document.links && document.meta) {
    // As documented: only `first`, and no totals.
    document.links = { first: document.links.first ?? '' };
    document.meta = {
      current_page: document.meta.current_page,
      page_size: document.meta.page_size,
      max_page_size: document.meta.max_page_size ?? 200,
    };
  }
  return document;
}

const isActive = (kind: 'projects' | 'people', resource: Resource) =>
  kind === 'projects'
    ? !resource.attributes.archived_at
    : !resource.attributes.deactivated_at && !resource.attributes.archived_at;

/**
 * `GET /projects` and `GET /people` as the real API lists them: the person's own (demo) records and the recorded
 * ones, unfiltered unless `filter[status]` (1 active, 2 archived or deactivated) asks, paged with totals.
 */
export function realisticList(
  kind: 'projects' | 'people',
  own: Resource[],
  url: URL,
): { status: number; body: unknown } {
  const recorded = readRecording(
    kind === 'projects' ? 'projects_get_page.json' : 'people_get_one.json',
  );
  let records = [...own, ...recorded];
  const status = url.searchParams.get('filter[status]');
  if (status !== null) {
    if (status !== '1' && status !== '2') {
      return {
        status: 400,
        body: {
          errors: [
            {
              status: '400',
              code: 'invalid_filter_value',
              title: 'Invalid Filter Value',
              detail: `"${status.slice(0, 40)}" is not a valid value for filter[status]`,
            },
          ],
        },
      };
    }
    records = records.filter((record) => isActive(kind, record) === (status === '1'));
  }
  const size = Math.min(200, Math.max(1, Number(url.searchParams.get('page[size]') ?? 30) || 30));
  const number = Math.max(1, Number(url.searchParams.get('page[number]') ?? 1) || 1);
  const pages = Math.max(1, Math.ceil(records.length / size));
  const link = (page: number) => {
    const next = new URL(url);
    next.searchParams.set('page[number]', String(page));
    next.searchParams.set('page[size]', String(size));
    return next.toString();
  };
  return {
    status: 200,
    body: {
      data: records.slice((number - 1) * size, number * size),
      links: {
        first: link(1),
        last: link(pages),
        ...(number < pages ? { next: link(number + 1) } : {}),
        ...(number > 1 ? { prev: link(number - 1) } : {}),
      },
      meta: {
        current_page: number,
        total_pages: pages,
        total_count: records.length,
        page_size: size,
        max_page_size: 200,
      },
    },
  };
}
