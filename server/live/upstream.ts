/**
 * One exchange with Productive: the request sent, the whole answer read within a cap and a deadline. Over node:http
 * and node:https with keep-alive agents (connections reused across requests and people): undici's `fetch` machinery
 * was a fifth of the proxy's time per request (docs/decisions/015-proxy-latency.md). A `fetch` may be given
 * instead (the same exchange, through it).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import { BodyTooLarge, readBytes } from '../http/request-body.ts';

export interface UpstreamRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** More than this many bytes of answer (decoded) are not read: UpstreamFailure('too-large'). */
  maxBytes: number;
  /**
   * Sending it twice changes nothing more than sending it once (a GET; an action that sets a state, such as a
   * notification's dismiss): it may be sent once more on a fresh connection. Default: GET only.
   */
  repeatable?: boolean;
}

export interface UpstreamAnswer {
  status: number;
  /** A header of the answer, or null. */
  header(name: string): string | null;
  /** The whole body, decoded (gzip, deflate, br). */
  body: Buffer<ArrayBuffer>;
}

/** Why there is no answer: no connection, no answer in time, a connection broken mid-answer, too much of it. */
export type UpstreamFailureKind = 'unreachable' | 'timeout' | 'broken' | 'too-large';

export class UpstreamFailure extends Error {
  readonly kind: UpstreamFailureKind;
  constructor(kind: UpstreamFailureKind) {
    super(`Productive: ${kind}`);
    this.name = 'UpstreamFailure';
    this.kind = kind;
  }
}

const agents = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true }),
};

const decoders: Record<
  string,
  (input: Buffer, options: ZlibOptions, done: (error: Error | null, result: Buffer) => void) => void
> = { gzip: gunzip, 'x-gzip': gunzip, deflate: inflate, br: brotliDecompress };

/** The body as sent (identity) or decoded, never more than `maxBytes` of it. */
function decoded(
  body: Buffer<ArrayBuffer>,
  encoding: string | undefined,
  maxBytes: number,
): Promise<Buffer<ArrayBuffer>> {
  const name = encoding?.trim().toLowerCase();
  if (!name || name === 'identity') return Promise.resolve(body);
  const decode = decoders[name];
  if (!decode) return Promise.reject(new UpstreamFailure('broken'));
  return new Promise((resolve, reject) =>
    decode(body, { maxOutputLength: maxBytes }, (error, result) => {
      if (!error) resolve(result as Buffer<ArrayBuffer>);
      else if (
        (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ||
        error instanceof RangeError
      )
        reject(new UpstreamFailure('too-large'));
      else reject(new UpstreamFailure('broken'));
    }),
  );
}

const headerOf = (headers: IncomingHttpHeaders) => (name: string) => {
  const value = headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
};

/** A reset later than this after sending is no longer the idle-connection race: the request may have arrived. */
const EARLY_RESET_MS = 1000;

/**
 * Sends the request and reads the whole answer; an UpstreamFailure otherwise. A repeatable request (a GET, or one
 * marked so) whose reused keep-alive connection is reset by the other side at once, before any answer, is sent once
 * more on a connection of its own, within the same deadline: the other side most likely closed the idle connection
 * as it was being reused, before reading the request.
 */
export function callUpstream(
  url: string,
  request: UpstreamRequest,
  fetchUpstream?: typeof globalThis.fetch,
): Promise<UpstreamAnswer> {
  if (fetchUpstream) return viaFetch(fetchUpstream, url, request);
  return exchange(new URL(url), request, true, Date.now() + request.timeoutMs);
}

function exchange(
  url: URL,
  request: UpstreamRequest,
  mayRetry: boolean,
  deadline: number,
): Promise<UpstreamAnswer> {
  const { method, body, maxBytes, repeatable = method === 'GET' } = request;
  const sentAt = Date.now();
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    let settled = false;
    let answered = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
    };
    const fail = (kind: UpstreamFailureKind) => {
      if (settled) return;
      settle();
      call.destroy();
      reject(new UpstreamFailure(kind));
    };
    const call = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method,
        // Sent once more, on a connection of its own: the pool's other idle ones may be closing too.
        agent: mayRetry ? (secure ? agents.https : agents.http) : false,
        headers: {
          ...request.headers,
          'Accept-Encoding': 'gzip, deflate, br',
          ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
        },
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) fail('too-large');
          else chunks.push(chunk);
        });
        response.on('error', () => fail('broken'));
        response.on('close', () => {
          if (!response.complete) fail('broken');
        });
        response.on('end', () => {
          if (settled) return;
          settle();
          decoded(Buffer.concat(chunks), response.headers['content-encoding'], maxBytes).then(
            (decodedBody) =>
              resolve({
                status: response.statusCode ?? 502,
                header: headerOf(response.headers),
                body: decodedBody,
              }),
            reject,
          );
        });
      },
    );
    const timer = setTimeout(() => fail('timeout'), deadline - sentAt);
    call.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      if (
        mayRetry &&
        !answered &&
        call.reusedSocket &&
        repeatable &&
        Date.now() - sentAt < EARLY_RESET_MS &&
        (error.code === 'ECONNRESET' || error.code === 'EPIPE')
      ) {
        settle();
        resolve(exchange(url, request, false, deadline));
        return;
      }
      fail(answered ? 'broken' : 'unreachable');
    });
    call.end(body);
  });
}

const isTimeout = (error: unknown) =>
  error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');

/** The same exchange through a given `fetch`. */
async function viaFetch(
  fetchUpstream: typeof globalThis.fetch,
  url: string,
  { method, headers, body, timeoutMs, maxBytes }: UpstreamRequest,
): Promise<UpstreamAnswer> {
  // One deadline for the whole exchange: headers and body.
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetchUpstream(url, { method, headers, body, redirect: 'manual', signal });
  } catch (error) {
    throw new UpstreamFailure(isTimeout(error) || signal.aborted ? 'timeout' : 'unreachable');
  }
  try {
    const bytes = await readBytes(response, maxBytes);
    return { status: response.status, header: (name) => response.headers.get(name), body: bytes };
  } catch (error) {
    throw new UpstreamFailure(
      error instanceof BodyTooLarge
        ? 'too-large'
        : isTimeout(error) || signal.aborted
          ? 'timeout'
          : 'broken',
    );
  }
}
