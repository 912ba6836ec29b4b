/**
 * Reading bodies within a cap: a JSON:API write's document (embedded API and proxy alike), and any stream, such as
 * an upstream answer, that must not be read whole when it is too large.
 */
import { isJsonApiContentType } from '../api/comment-request.ts';
import { ApiError, badRequest } from '../api/errors.ts';
import { MAX_REQUEST_BODY_BYTES } from './guards.ts';

/** A body was longer than the cap it was read under. */
export class BodyTooLarge extends Error {}

/** Reads a body as text, at most `limit` bytes; throws on a broken connection or a timeout. */
export async function readText(
  response: { body: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<string> {
  return (await readBytes(response, limit)).toString('utf8');
}

/** Reads a body's bytes, at most `limit`; throws on a broken connection or a timeout. */
export async function readBytes(
  response: { body: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<Buffer<ArrayBuffer>> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A write's JSON:API document: the content type Productive requires, at most the request cap read (whatever
 * guards ran before), and JSON. Anything else is an ApiError and nothing goes upstream.
 */
export async function readRequestDocument(request: Request): Promise<unknown> {
  if (!isJsonApiContentType(request.headers.get('content-type') ?? undefined)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Unsupported Media Type',
      'Requests must use Content-Type: application/vnd.api+json',
    );
  }
  let text: string;
  try {
    text = await readText(request, MAX_REQUEST_BODY_BYTES);
  } catch {
    throw new ApiError(
      413,
      'body_too_large',
      'Request Body Too Large',
      `Request bodies are limited to ${MAX_REQUEST_BODY_BYTES / 1024} KB`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('malformed_json', 'Malformed JSON', 'The request body is not valid JSON');
  }
}
