/** JSON:API documents read and checked at the boundary: a malformed response becomes an error, never a crash. */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`The server sent an unexpected response: ${detail}`);
    this.name = 'MalformedResponseError';
  }
}

export interface ResourceObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
}

export interface CollectionDocument {
  data: ResourceObject[];
  included: Map<string, ResourceObject>;
  meta: Record<string, unknown>;
  links: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readResource(value: unknown, where: string): ResourceObject {
  if (!isObject(value)) throw new MalformedResponseError(`${where} is not an object`);
  const { id, type, attributes, relationships } = value;
  if (typeof id !== 'string' || id === '') throw new MalformedResponseError(`${where} has no id`);
  if (typeof type !== 'string') throw new MalformedResponseError(`${where} has no type`);
  if (!isObject(attributes)) throw new MalformedResponseError(`${where} has no attributes`);
  return { id, type, attributes, relationships: isObject(relationships) ? relationships : {} };
}

const key = (type: string, id: string) => `${type}:${id}`;

function readIncluded(document: Record<string, unknown>): Map<string, ResourceObject> {
  const included = new Map<string, ResourceObject>();
  if (!Array.isArray(document.included)) return included;
  document.included.forEach((value, index) => {
    const resource = readResource(value, `included[${index}]`);
    included.set(key(resource.type, resource.id), resource);
  });
  return included;
}

export function readCollection(body: unknown, type: string): CollectionDocument {
  if (!isObject(body) || !Array.isArray(body.data))
    throw new MalformedResponseError('no data list');
  const data = body.data.map((value, index) => readResource(value, `data[${index}]`));
  for (const resource of data) {
    if (resource.type !== type)
      throw new MalformedResponseError(`expected ${type}, got ${resource.type}`);
  }
  return {
    data,
    included: readIncluded(body),
    meta: isObject(body.meta) ? body.meta : {},
    links: isObject(body.links) ? body.links : {},
  };
}

export function readSingle(
  body: unknown,
  type: string,
): { data: ResourceObject; included: Map<string, ResourceObject> } {
  if (!isObject(body)) throw new MalformedResponseError('not an object');
  const data = readResource(body.data, 'data');
  if (data.type !== type) throw new MalformedResponseError(`expected ${type}, got ${data.type}`);
  return { data, included: readIncluded(body) };
}

/** The included record a to-one relationship points at, if the server sent it. */
export function related(
  resource: ResourceObject,
  name: string,
  included: Map<string, ResourceObject>,
): ResourceObject | undefined {
  const relation = resource.relationships[name];
  if (!isObject(relation) || !isObject(relation.data)) return undefined;
  const { type, id } = relation.data;
  return typeof type === 'string' && typeof id === 'string'
    ? included.get(key(type, id))
    : undefined;
}

/** Typed readers for attributes; `fallback` is used for null or missing values, a wrong type is an error. */
export const attribute = {
  string(resource: ResourceObject, name: string, fallback = ''): string {
    const value = resource.attributes[name];
    if (value === null || value === undefined) return fallback;
    if (typeof value !== 'string')
      throw new MalformedResponseError(`${resource.type} ${resource.id}: ${name} is not text`);
    return value;
  },
  nullableString(resource: ResourceObject, name: string): string | null {
    const value = resource.attributes[name];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string')
      throw new MalformedResponseError(`${resource.type} ${resource.id}: ${name} is not text`);
    return value;
  },
  number(resource: ResourceObject, name: string, fallback = 0): number {
    const value = resource.attributes[name];
    if (value === null || value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new MalformedResponseError(`${resource.type} ${resource.id}: ${name} is not a number`);
    }
    return value;
  },
  nullableNumber(resource: ResourceObject, name: string): number | null {
    const value = resource.attributes[name];
    return value === null || value === undefined ? null : attribute.number(resource, name);
  },
  boolean(resource: ResourceObject, name: string): boolean {
    const value = resource.attributes[name];
    if (value === null || value === undefined) return false;
    if (typeof value !== 'boolean')
      throw new MalformedResponseError(
        `${resource.type} ${resource.id}: ${name} is not true or false`,
      );
    return value;
  },
};

export function readTotalCount(meta: Record<string, unknown>): number | null {
  const total = meta.total_count;
  return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : null;
}
