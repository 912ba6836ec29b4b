/**
 * JSON:API documents read at the boundary, tolerantly: Productive's real answers differ from its examples (ids as
 * numbers or strings, types in any letter case, attributes of other types than documented). A document that is
 * not JSON:API at all is an error; a record in it that cannot be read is skipped and counted, never a failed page.
 */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`The server sent an unexpected response: ${detail}`);
    this.name = 'MalformedResponseError';
  }
}

export interface ResourceObject {
  id: string;
  /** Lower case, whatever case the server used. */
  type: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
}

export interface CollectionDocument {
  data: ResourceObject[];
  included: Map<string, ResourceObject>;
  meta: Record<string, unknown>;
  links: Record<string, unknown>;
  /** Why each record of `data` that could not be read was left out. */
  unreadable: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An id as Productive sends it: a string of digits (or any non-empty text), or a whole number. */
export function readId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

function readResource(value: unknown, where: string): ResourceObject {
  if (!isObject(value)) throw new MalformedResponseError(`${where} is not an object`);
  const { type, attributes, relationships } = value;
  const id = readId(value.id);
  if (id === null) throw new MalformedResponseError(`${where} has no id`);
  if (typeof type !== 'string' || type === '')
    throw new MalformedResponseError(`${where} has no type`);
  return {
    id,
    type: type.toLowerCase(),
    attributes: isObject(attributes) ? attributes : {},
    relationships: isObject(relationships) ? relationships : {},
  };
}

const key = (type: string, id: string) => `${type.toLowerCase()}:${id}`;

/** The included records that can be read; one that cannot is left out (a relationship to it finds nothing). */
function readIncluded(document: Record<string, unknown>): Map<string, ResourceObject> {
  const included = new Map<string, ResourceObject>();
  if (!Array.isArray(document.included)) return included;
  document.included.forEach((value, index) => {
    try {
      const resource = readResource(value, `included[${index}]`);
      included.set(key(resource.type, resource.id), resource);
    } catch (error) {
      if (!(error instanceof MalformedResponseError)) throw error;
    }
  });
  return included;
}

export function readCollection(body: unknown, type: string): CollectionDocument {
  if (!isObject(body) || !Array.isArray(body.data))
    throw new MalformedResponseError('no data list');
  const data: ResourceObject[] = [];
  const unreadable: string[] = [];
  body.data.forEach((value, index) => {
    try {
      const resource = readResource(value, `data[${index}]`);
      if (resource.type !== type.toLowerCase())
        throw new MalformedResponseError(`data[${index}] is ${resource.type}, not ${type}`);
      data.push(resource);
    } catch (error) {
      if (!(error instanceof MalformedResponseError)) throw error;
      unreadable.push(error.message);
    }
  });
  return {
    data,
    included: readIncluded(body),
    meta: isObject(body.meta) ? body.meta : {},
    links: isObject(body.links) ? body.links : {},
    unreadable,
  };
}

export function readSingle(
  body: unknown,
  type: string,
): { data: ResourceObject; included: Map<string, ResourceObject> } {
  if (!isObject(body)) throw new MalformedResponseError('not an object');
  const data = readResource(body.data, 'data');
  if (data.type !== type.toLowerCase())
    throw new MalformedResponseError(`expected ${type}, got ${data.type}`);
  return { data, included: readIncluded(body) };
}

/** What a list read: the records parsed, and how many could not be (each left out). */
export interface ParsedRecords<T> {
  items: T[];
  skipped: number;
}

/**
 * Parses every record of a collection; a record whose envelope or attributes cannot be read is skipped and
 * counted, with one line in the console for the whole list (the first reason given).
 */
export function parseRecords<T>(
  document: CollectionDocument,
  parse: (resource: ResourceObject, included: Map<string, ResourceObject>) => T,
  noun: string,
): ParsedRecords<T> {
  const reasons = [...document.unreadable];
  const items: T[] = [];
  for (const resource of document.data) {
    try {
      items.push(parse(resource, document.included));
    } catch (error) {
      if (!(error instanceof MalformedResponseError)) throw error;
      reasons.push(error.message);
    }
  }
  if (reasons.length) {
    const of = reasons.length + items.length;
    console.warn(
      `${reasons.length} of ${of} ${noun} could not be read and were left out (${reasons[0]}${reasons.length > 1 ? '; …' : ''})`,
    );
  }
  return { items, skipped: reasons.length };
}

/** "1 notification could not be shown", "3 notifications could not be shown". */
export const notShown = (count: number, noun: string, plural = `${noun}s`) =>
  `${count} ${count === 1 ? noun : plural} could not be shown`;

/** The included record a to-one relationship points at, if the server sent it. */
export function related(
  resource: ResourceObject,
  name: string,
  included: Map<string, ResourceObject>,
): ResourceObject | undefined {
  const relation = resource.relationships[name];
  if (!isObject(relation) || !isObject(relation.data)) return undefined;
  const { type } = relation.data;
  const id = readId(relation.data.id);
  return typeof type === 'string' && id !== null ? included.get(key(type, id)) : undefined;
}

const NUMBER_TEXT = /^-?\d{1,15}(\.\d{1,15})?$/;
const wrong = (resource: ResourceObject, name: string, what: string) =>
  new MalformedResponseError(`${resource.type} ${resource.id}: ${name} is not ${what}`);

/**
 * Typed readers for attributes; `fallback` is used for null or missing values. A value of another type that
 * means the same (a number where text is expected, digits where a number is) is read as it; anything else is an
 * error, and the record is skipped.
 */
export const attribute = {
  string(resource: ResourceObject, name: string, fallback = ''): string {
    return attribute.nullableString(resource, name) ?? fallback;
  },
  nullableString(resource: ResourceObject, name: string): string | null {
    const value = resource.attributes[name];
    if (value === null || value === undefined) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') throw wrong(resource, name, 'text');
    return value;
  },
  number(resource: ResourceObject, name: string, fallback = 0): number {
    return attribute.nullableNumber(resource, name) ?? fallback;
  },
  nullableNumber(resource: ResourceObject, name: string): number | null {
    const value = resource.attributes[name];
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') {
      const text = value.trim();
      if (text === '') return null;
      if (NUMBER_TEXT.test(text)) return Number(text);
    }
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw wrong(resource, name, 'a number');
    return value;
  },
  boolean(resource: ResourceObject, name: string): boolean {
    const value = resource.attributes[name];
    if (value === null || value === undefined) return false;
    if (value === 'true' || value === 'false') return value === 'true';
    if (typeof value !== 'boolean') throw wrong(resource, name, 'true or false');
    return value;
  },
  /** A type name (`Task`, `task`) in lower case, as the app compares them. */
  typeName(resource: ResourceObject, name: string, fallback = ''): string {
    return attribute.string(resource, name, fallback).trim().toLowerCase() || fallback;
  },
  nullableTypeName(resource: ResourceObject, name: string): string | null {
    return attribute.nullableString(resource, name)?.trim().toLowerCase() || null;
  },
};

/**
 * Whether a list goes on after this page. Productive does not always send `links.next` (activities never do): a
 * `next` link, or more pages or records in the totals, say so; without either, a full page means ask again and a
 * short page ends.
 */
export function hasMorePages(document: CollectionDocument, page: number, pageSize: number) {
  if (typeof document.links.next === 'string') return true;
  const pages = Number(document.meta.total_pages);
  if (Number.isInteger(pages) && pages > 0) return page < pages;
  const total = readTotalCount(document.meta);
  if (total !== null) return page * pageSize < total;
  return document.data.length + document.unreadable.length >= pageSize;
}

/** A list read to its end, however its pages are linked: full pages are followed until a short one. */
export const isFullPage = (document: CollectionDocument, pageSize: number) =>
  document.data.length + document.unreadable.length >= pageSize;

export function readTotalCount(meta: Record<string, unknown>): number | null {
  const total = typeof meta.total_count === 'string' ? Number(meta.total_count) : meta.total_count;
  return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : null;
}
