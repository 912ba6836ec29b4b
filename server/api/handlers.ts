import type { Context } from 'hono';
import type { Database } from '../db/database.ts';
import { createCountCache } from './count-cache.ts';
import { countedPage, includedFor, offset, type ResourceObject } from './document.ts';
import { notFound } from './errors.ts';
import { parseIncludes, parseListQuery, type ListSpec } from './query.ts';
import { idParam, jsonApi, requestUrl } from './respond.ts';

type Row = Record<string, unknown>;

/** A table exposed as a JSON:API resource: its filters, its orders (by `sort` value) and its serializer. */
export interface ResourceDefinition {
  table: string;
  spec: ListSpec;
  orders: Record<string, string>;
  serialize: (row: Row, include: Set<string>) => ResourceObject;
}

/** GET /{resources}: a filtered page with total count, links and included records. */
export function listHandler(db: Database, definition: ResourceDefinition) {
  const { table, spec, orders, serialize } = definition;
  const countOf = createCountCache(db);
  return (c: Context) => {
    const url = requestUrl(c);
    const query = parseListQuery(url.searchParams, spec);
    const { sql, params } = query.where;
    const total = countOf(
      sql,
      params,
      () =>
        (
          db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${sql}`).get(...params) as {
            n: number;
          }
        ).n,
    );
    const rows = db
      .prepare(
        `SELECT * FROM ${table} WHERE ${sql} ORDER BY ${orders[query.sort]} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.page.size, offset(query)) as Row[];
    const data = rows.map((row) => serialize(row, query.includes));
    const included = query.includes.size ? { included: includedFor(db, data) } : {};
    return jsonApi(c, { data, ...included, ...countedPage(url, query, total) });
  };
}

/** GET /{resources}/{id}: one record, 404 when missing or when the id is malformed. */
export function showHandler(db: Database, definition: ResourceDefinition) {
  const { table, spec, serialize } = definition;
  const findOne = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
  return (c: Context) => {
    const include = parseIncludes(c.req.query('include') ?? '', spec.includes);
    const row = findOne.get(idParam(c)) as Row | undefined;
    if (!row) throw notFound();
    const data = serialize(row, include);
    return jsonApi(c, {
      data,
      ...(include.size ? { included: includedFor(db, [data]) } : {}),
      meta: {},
    });
  };
}
