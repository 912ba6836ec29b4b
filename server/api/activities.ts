import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { ORGANIZATION_ID } from '../seed/generate.ts';
import {
  includedFor,
  offset,
  relationships,
  uncountedPage,
  type ResourceObject,
} from './document.ts';
import { showHandler } from './handlers.ts';
import { invalidValue, parseListQuery, type ListSpec } from './query.ts';
import { jsonApi, requestUrl } from './respond.ts';

type Row = Record<string, unknown>;

const EVENTS = ['create', 'update', 'edit', 'copy', 'delete', 'destroy'];
const DELETION = ['delete', 'destroy'];

export const activityListSpec: ListSpec = {
  filters: {
    after: { kind: 'datetimeAfter', column: 'created_ms' },
    before: { kind: 'datetimeBefore', column: 'created_ms' },
    booking_id: { kind: 'ids', column: 'booking_id' },
    company_id: { kind: 'ids', column: 'company_id' },
    creator_id: { kind: 'ids', column: 'creator_id' },
    deal_id: { kind: 'ids', column: 'deal_id' },
    discussion_id: { kind: 'ids', column: 'discussion_id' },
    event: {
      kind: 'custom',
      parse: (values, parameter) => {
        const events = new Set<string>();
        for (const value of values) {
          const event = value.toLowerCase();
          if (!EVENTS.includes(event)) throw invalidValue(parameter, value);
          // Productive's reference says `destroy`, the seed's examples `delete`: one event either way.
          for (const same of event === 'delete' || event === 'destroy' ? DELETION : [event])
            events.add(same);
        }
        return {
          sql: `event IN (${[...events].map(() => '?').join(', ')})`,
          params: [...events],
        };
      },
    },
    expense_id: { kind: 'ids', column: 'expense_id' },
    has_attachments: { kind: 'nonNull', column: 'attachment_id' },
    invoice_id: { kind: 'ids', column: 'invoice_id' },
    item_type: { kind: 'text', column: 'item_type' },
    parent_type: { kind: 'text', column: 'parent_type' },
    participant_id: {
      kind: 'custom',
      parse: (values, parameter) => {
        const ids = values.map((value) => {
          if (!/^\d{1,15}$/.test(value)) throw invalidValue(parameter, value);
          return Number(value);
        });
        const list = ids.map(() => '?').join(', ');
        return {
          sql: `creator_id IN (${list}) OR person_id IN (${list})`,
          params: [...ids, ...ids],
        };
      },
    },
    person_id: { kind: 'ids', column: 'person_id' },
    pinned: { kind: 'bool', column: 'pinned' },
    project_id: { kind: 'ids', column: 'project_id' },
    purchase_order_id: { kind: 'ids', column: 'purchase_order_id' },
    root_type: { kind: 'text', column: 'root_type' },
    task_id: { kind: 'ids', column: 'task_id' },
    type: {
      kind: 'custom',
      parse: (values, parameter) => {
        for (const value of values)
          if (!['1', '2', '3'].includes(value)) throw invalidValue(parameter, value);
        return { sql: `kind IN (${values.map(() => '?').join(', ')})`, params: values.map(Number) };
      },
    },
  },
  includes: ['creator', 'comment', 'email', 'attachment'],
  sorts: ['created_at', '-created_at'],
  defaultSort: '-created_at',
};

const ORDER: Record<string, string> = {
  created_at: 'created_ms ASC, id ASC',
  '-created_at': 'created_ms DESC, id DESC',
};

export function serializeActivity(row: Row, include: Set<string>): ResourceObject {
  return {
    id: String(row.id),
    type: 'activities',
    attributes: {
      event: row.event,
      changeset: JSON.parse(String(row.changeset)),
      item_id: row.item_id,
      item_type: row.item_type,
      item_name: row.item_name,
      item_deleted_at: row.item_deleted_at,
      parent_id: row.parent_id,
      parent_type: row.parent_type,
      parent_name: row.parent_name,
      parent_deleted_at: row.parent_deleted_at,
      root_id: row.root_id,
      root_type: row.root_type,
      root_name: row.root_name,
      root_deleted_at: row.root_deleted_at,
      deal_is_budget: row.deal_is_budget === 1,
      task_id: row.task_id,
      deal_id: row.deal_id,
      booking_id: row.booking_id,
      invoice_id: row.invoice_id,
      company_id: row.company_id,
      created_at: row.created_at,
      discussion_id: row.discussion_id,
      engagement_id: row.engagement_id,
      page_id: row.page_id,
      person_id: row.person_id,
      purchase_order_id: row.purchase_order_id,
      made_by_automation: row.made_by_automation === 1,
    },
    relationships: {
      organization: { data: { type: 'organizations', id: String(ORGANIZATION_ID) } },
      ...relationships({
        creator: {
          type: 'people',
          id: row.creator_id as number | null,
          include: include.has('creator'),
        },
        comment: {
          type: 'comments',
          id: row.comment_id as number | null,
          include: include.has('comment'),
        },
        email: { type: 'emails', id: row.email_id as number | null, include: include.has('email') },
        attachment: {
          type: 'attachments',
          id: row.attachment_id as number | null,
          include: include.has('attachment'),
        },
      }),
      role: { meta: { included: false } },
    },
  };
}

export function activityRoutes(db: Database): Hono {
  const routes = new Hono();

  routes.get('/', (c) => {
    const url = requestUrl(c);
    const query = parseListQuery(url.searchParams, activityListSpec);
    const { sql, params } = query.where;
    const rows = db
      .prepare(
        `SELECT * FROM activities WHERE ${sql} ORDER BY ${ORDER[query.sort]} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.page.size + 1, offset(query)) as Row[];
    const hasNext = rows.length > query.page.size;
    const data = rows
      .slice(0, query.page.size)
      .map((row) => serializeActivity(row, query.includes));
    const included = query.includes.size ? { included: includedFor(db, data) } : {};
    return jsonApi(c, { data, ...included, ...uncountedPage(url, query, hasNext) });
  });

  routes.get(
    '/:id',
    showHandler(db, {
      table: 'activities',
      spec: activityListSpec,
      orders: ORDER,
      serialize: serializeActivity,
    }),
  );
  return routes;
}
