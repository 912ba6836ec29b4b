import type { Database } from '../db/database.ts';
import type { ListQuery } from './query.ts';
import { MAX_PAGE_SIZE } from './query.ts';
import { serializers } from './serializers.ts';

export interface ResourceObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
}

/** A reference to a related record, and whether the client asked to include it. */
export type Relation = { type: string; id: number | null; include: boolean };

export function relationships(relations: Record<string, Relation>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, relation] of Object.entries(relations)) {
    out[name] = relation.include
      ? { data: relation.id === null ? null : { type: relation.type, id: String(relation.id) } }
      : { meta: { included: false } };
  }
  return out;
}

/** Loads the included records named by the resources' relationships, de-duplicated, in first-seen order. */
export function includedFor(db: Database, resources: ResourceObject[]): ResourceObject[] {
  const wanted = new Map<string, Set<number>>();
  for (const resource of resources) {
    for (const relation of Object.values(resource.relationships)) {
      const data = (relation as { data?: { type: string; id: string } | null }).data;
      if (!data || data.type === 'organizations' || data.type === 'organization_memberships')
        continue;
      const ids = wanted.get(data.type) ?? new Set<number>();
      ids.add(Number(data.id));
      wanted.set(data.type, ids);
    }
  }
  const included: ResourceObject[] = [];
  for (const [type, ids] of wanted) {
    const serializer = serializers[type];
    if (!serializer) continue;
    const list = [...ids];
    const rows = db
      .prepare(`SELECT * FROM ${serializer.table} WHERE id IN (${list.map(() => '?').join(', ')})`)
      .all(...list) as Record<string, unknown>[];
    included.push(...rows.map((row) => serializer.serialize(row)));
  }
  return included;
}

/** Builds an absolute link to a page of the same list, keeping every other parameter. */
function pageLink(url: URL, query: ListQuery, number: number): string {
  const params = new URLSearchParams(query.base);
  params.set('page[number]', String(number));
  params.set('page[size]', String(query.page.size));
  return `${url.origin}${url.pathname}?${params.toString()}`;
}

/** links and meta for a list whose total is known (notifications, projects, people, tasks). */
export function countedPage(url: URL, query: ListQuery, totalCount: number) {
  const { number, size } = query.page;
  const totalPages = Math.ceil(totalCount / size);
  const links: Record<string, string> = {
    first: pageLink(url, query, 1),
    last: pageLink(url, query, Math.max(totalPages, 1)),
  };
  if (number < totalPages) links.next = pageLink(url, query, number + 1);
  if (number > 1) links.prev = pageLink(url, query, Math.min(number - 1, Math.max(totalPages, 1)));
  return {
    links,
    meta: {
      current_page: number,
      total_pages: totalPages,
      total_count: totalCount,
      page_size: size,
      max_page_size: MAX_PAGE_SIZE,
    },
  };
}

/** links and meta for a list paged without a total (activities), as Productive does. */
export function uncountedPage(url: URL, query: ListQuery, hasNext: boolean) {
  const { number, size } = query.page;
  const links: Record<string, string> = { first: pageLink(url, query, 1) };
  if (hasNext) links.next = pageLink(url, query, number + 1);
  if (number > 1) links.prev = pageLink(url, query, number - 1);
  return { links, meta: { current_page: number, page_size: size, max_page_size: MAX_PAGE_SIZE } };
}

export const offset = (query: ListQuery) => (query.page.number - 1) * query.page.size;
