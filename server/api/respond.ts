import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { notFound, type ApiError } from './errors.ts';
import { parseId } from './query.ts';

export const JSON_API = 'application/vnd.api+json; charset=utf-8';

export function jsonApi(c: Context, body: unknown, status: ContentfulStatusCode = 200) {
  return c.body(JSON.stringify(body), status, { 'Content-Type': JSON_API });
}

export function errorResponse(c: Context, error: ApiError) {
  return jsonApi(c, error.toJSON(), error.status as ContentfulStatusCode);
}

/** The numeric id of a `/{id}` path; a malformed one is a missing record. */
export function idParam(c: Context): number {
  const id = parseId(c.req.param('id') ?? '');
  if (id === null) throw notFound();
  return id;
}

export const requestUrl = (c: Context) => new URL(c.req.url);
