import { badRequest } from './errors.ts';

/** How one filter is read from the query string and turned into SQL. */
export type FilterSpec =
  | { kind: 'ids'; column: string }
  | { kind: 'int'; column: string }
  | { kind: 'bool'; column: string }
  | { kind: 'nonNull'; column: string }
  | { kind: 'text'; column: string }
  | { kind: 'datetimeAfter' | 'datetimeBefore'; column: string }
  | { kind: 'dateAfter' | 'dateBefore'; column: string }
  | { kind: 'custom'; parse: (values: string[], parameter: string) => Clause };

export interface Clause {
  sql: string;
  params: (string | number)[];
}

export interface ListQuery {
  where: Clause;
  page: { number: number; size: number };
  includes: Set<string>;
  sort: string;
  /** The query string without page parameters, as the client sent it, for links. */
  base: URLSearchParams;
}

export interface ListSpec {
  filters: Record<string, FilterSpec>;
  includes: readonly string[];
  sorts: readonly string[];
  defaultSort: string;
}

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 200;

const FILTER_KEY = /^filter\[([a-z_]+)\](\[\])?$/;
const invalidValue = (parameter: string, value: string) =>
  badRequest(
    'invalid_filter_value',
    'Invalid Filter Value',
    `"${value.slice(0, 100)}" is not a valid value for ${parameter}`,
    parameter,
  );

export function parseListQuery(params: URLSearchParams, spec: ListSpec): ListQuery {
  const values = new Map<string, { parameter: string; values: string[] }>();
  const base = new URLSearchParams();
  let pageNumber = 1;
  let pageSize = DEFAULT_PAGE_SIZE;
  let includes = new Set<string>();
  let sort = spec.defaultSort;

  for (const [key, value] of params) {
    if (key.startsWith('page[')) {
      if (key === 'page[number]') pageNumber = parsePageValue(key, value, Number.MAX_SAFE_INTEGER);
      else if (key === 'page[size]') pageSize = parsePageValue(key, value, MAX_PAGE_SIZE);
      else
        throw badRequest(
          'invalid_page',
          'Invalid Page Parameter',
          `${key} is not a page parameter`,
          key,
        );
      continue;
    }
    base.append(key, value);
    if (key === 'include') {
      includes = parseIncludes(value, spec.includes);
    } else if (key === 'sort') {
      if (!spec.sorts.includes(value)) {
        throw badRequest(
          'unsupported_sort',
          'Unsupported Sort',
          `Sorting by "${value.slice(0, 100)}" is not supported`,
          'sort',
        );
      }
      sort = value;
    } else if (key.startsWith('filter')) {
      const match = FILTER_KEY.exec(key);
      const name = match?.[1];
      if (!name || !Object.hasOwn(spec.filters, name)) {
        throw badRequest(
          'unsupported_filter',
          'Unsupported Filter',
          `The filter ${key.slice(0, 100)} is not supported`,
          key.slice(0, 100),
        );
      }
      const parts = match[2] ? [value] : value.split(',');
      const entry = values.get(name) ?? { parameter: `filter[${name}]`, values: [] };
      entry.values.push(...parts.map((part) => part.trim()));
      values.set(name, entry);
    }
  }

  const clauses: Clause[] = [];
  for (const [name, entry] of values) {
    clauses.push(toClause(spec.filters[name] as FilterSpec, entry.values, entry.parameter));
  }
  return {
    where: {
      sql: clauses.length ? clauses.map((clause) => `(${clause.sql})`).join(' AND ') : '1 = 1',
      params: clauses.flatMap((clause) => clause.params),
    },
    page: { number: pageNumber, size: pageSize },
    includes,
    sort,
    base,
  };
}

export function parseIncludes(value: string, allowed: readonly string[]): Set<string> {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!allowed.includes(name)) {
      throw badRequest(
        'unsupported_include',
        'Unsupported Include',
        `Including "${name.slice(0, 100)}" is not supported`,
        'include',
      );
    }
  }
  return new Set(names);
}

function parsePageValue(key: string, value: string, max: number): number {
  const number = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < 1 || number > max) {
    throw badRequest(
      'invalid_page',
      'Invalid Page Parameter',
      `${key} must be a whole number from 1 to ${max}`,
      key,
    );
  }
  return number;
}

export const parseId = (value: string): number | null =>
  /^\d{1,15}$/.test(value) && Number(value) > 0 ? Number(value) : null;

export function parseBoolean(value: string): boolean | null {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function parseDate(value: string): number | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().startsWith(value) ? ms : null;
}

export function parseDateTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function single(values: string[], parameter: string): string {
  if (values.length !== 1) throw invalidValue(parameter, values.join(','));
  return values[0] as string;
}

function toClause(spec: FilterSpec, values: string[], parameter: string): Clause {
  switch (spec.kind) {
    case 'ids': {
      const ids = values.map((value) => {
        const id = parseId(value);
        if (id === null) throw invalidValue(parameter, value);
        return id;
      });
      return { sql: `${spec.column} IN (${ids.map(() => '?').join(', ')})`, params: ids };
    }
    case 'int': {
      const value = single(values, parameter);
      const id = parseId(value);
      if (id === null) throw invalidValue(parameter, value);
      return { sql: `${spec.column} = ?`, params: [id] };
    }
    case 'bool':
    case 'nonNull': {
      const value = single(values, parameter);
      const flag = parseBoolean(value);
      if (flag === null) throw invalidValue(parameter, value);
      if (spec.kind === 'bool') return { sql: `${spec.column} = ?`, params: [flag ? 1 : 0] };
      return { sql: `${spec.column} IS ${flag ? 'NOT ' : ''}NULL`, params: [] };
    }
    case 'text': {
      if (values.some((value) => value === '' || value.length > 100))
        throw invalidValue(parameter, values.join(','));
      return {
        // The column is declared COLLATE NOCASE, so this compares case-insensitively and uses its index.
        sql: `${spec.column} IN (${values.map(() => '?').join(', ')})`,
        params: values,
      };
    }
    case 'datetimeAfter':
    case 'datetimeBefore': {
      const value = single(values, parameter);
      const ms = parseDateTime(value);
      if (ms === null) throw invalidValue(parameter, value);
      return { sql: `${spec.column} ${spec.kind === 'datetimeAfter' ? '>' : '<'} ?`, params: [ms] };
    }
    case 'dateAfter':
    case 'dateBefore': {
      const value = single(values, parameter);
      const ms = parseDate(value);
      if (ms === null) throw invalidValue(parameter, value);
      return spec.kind === 'dateBefore'
        ? { sql: `${spec.column} < ?`, params: [ms] }
        : { sql: `${spec.column} >= ?`, params: [ms + 86_400_000] };
    }
    case 'custom':
      return spec.parse(values, parameter);
  }
}

export { invalidValue };
