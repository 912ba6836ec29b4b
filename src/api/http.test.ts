import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  apiRequest,
  ApiRequestError,
  isReadOnlyError,
  RATE_LIMIT_ATTEMPTS,
  setRateLimitBackoffMs,
  setRequestScope,
} from './http.ts';
import { isReadOnly, READ_ONLY_MESSAGE } from './write-access.ts';

/** A fetch that never answers, but gives up when its signal is aborted, as the real one does. */
function hangingFetch() {
  return vi.fn(
    (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setRateLimitBackoffMs(null);
});

/** A fetch that answers with these responses in turn, the last one from then on. */
function answers(...responses: (() => Response)[]) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
    (responses[Math.min(fetch.mock.calls.length - 1, responses.length - 1)] as () => Response)(),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const tooMany =
  (headers: Record<string, string> = {}) =>
  () =>
    new Response('{"errors":[{"title":"Too Many Requests"}]}', { status: 429, headers });
const ok = () => Response.json({ data: [] });
const forbidden = () =>
  Response.json({ errors: [{ status: '403', title: 'Forbidden' }] }, { status: 403 });

describe("Productive's own 429", () => {
  it('is waited out, without Retry-After, backing off, and the request sent again', async () => {
    setRateLimitBackoffMs(20);
    const fetch = answers(tooMany(), tooMany(), ok);
    const started = performance.now();
    expect(await apiRequest('/notifications/1/dismiss', { method: 'PATCH' })).toEqual({ data: [] });
    expect(fetch).toHaveBeenCalledTimes(3);
    // 20 ms, then 40 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('is waited out for as long as Retry-After says', async () => {
    setRateLimitBackoffMs(1);
    const fetch = answers(tooMany({ 'Retry-After': '1' }), ok);
    const started = performance.now();
    await apiRequest('/notifications');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('is passed on only after every attempt, and a wait ends when the caller aborts', async () => {
    setRateLimitBackoffMs(1);
    const fetch = answers(tooMany());
    const error = await apiRequest('/notifications').catch((caught: unknown) => caught);
    expect((error as ApiRequestError).status).toBe(429);
    expect(fetch).toHaveBeenCalledTimes(RATE_LIMIT_ATTEMPTS);
    setRateLimitBackoffMs(60_000);
    const controller = new AbortController();
    const waiting = apiRequest('/notifications', { signal: controller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(RATE_LIMIT_ATTEMPTS + 1));
    controller.abort();
    await expect(waiting).rejects.not.toBeInstanceOf(ApiRequestError);
  });
});

describe('a read-only token', () => {
  it('is known from the first write Productive refuses: no write is sent after it, until the scope changes', async () => {
    setRequestScope('demo:1');
    const fetch = answers(forbidden);
    // A refused read says nothing about writing.
    await apiRequest('/projects').catch(() => {});
    // Nor does the inbox server's own refusal.
    await apiRequest('/snoozes/1', { base: '/api/inbox', method: 'PUT', body: {} }).catch(() => {});
    expect(isReadOnly()).toBe(false);
    const error = await apiRequest('/notifications/1/dismiss', { method: 'PATCH' }).catch(
      (caught: unknown) => caught,
    );
    expect(isReadOnlyError(error)).toBe(true);
    expect((error as Error).message).toBe(READ_ONLY_MESSAGE);
    expect(isReadOnly()).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(3);
    // The next write fails at once, without a request; reads go on.
    await expect(apiRequest('/comments', { method: 'POST', body: {} })).rejects.toThrow(
      READ_ONLY_MESSAGE,
    );
    expect(fetch).toHaveBeenCalledTimes(3);
    answers(ok);
    expect(await apiRequest('/notifications')).toEqual({ data: [] });
    setRequestScope('demo:1');
    expect(isReadOnly()).toBe(true);
    setRequestScope('personal:2');
    expect(isReadOnly()).toBe(false);
    expect(await apiRequest('/notifications/1/dismiss', { method: 'PATCH' })).toEqual({ data: [] });
    setRequestScope(null);
  });
});

describe('apiRequest', () => {
  it('gives up on a request the server never answers, as a network error that can be retried', async () => {
    vi.stubGlobal('fetch', hangingFetch());
    const error = await apiRequest('/notifications/1/read', {
      method: 'PATCH',
      timeoutMs: 30,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(0);
    expect((error as ApiRequestError).message).toBe('The server did not answer in time.');
  });

  it('passes a caller’s abort on as an abort, not as a network error', async () => {
    vi.stubGlobal('fetch', hangingFetch());
    const controller = new AbortController();
    const request = apiRequest('/notifications', { signal: controller.signal });
    controller.abort();
    await expect(request).rejects.not.toBeInstanceOf(ApiRequestError);
  });

  it('reads Retry-After and the JSON:API error of a refusal', async () => {
    setRateLimitBackoffMs(1);
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('{"errors":[{"title":"Too Many Requests","detail":"Slow down"}]}', {
            status: 429,
            headers: { 'Retry-After': '0.001' },
          }),
      ),
    );
    const error = (await apiRequest('/notifications').catch(
      (caught: unknown) => caught,
    )) as ApiRequestError;
    expect([error.status, error.title, error.message, error.retryAfterSeconds]).toEqual([
      429,
      'Too Many Requests',
      'Slow down',
      0.001,
    ]);
  });

  it('sends a JSON body to another base (the inbox’s own endpoints), and reads a 204 as no content', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const answer = await apiRequest('/snoozes/7', {
      base: '/api/inbox',
      method: 'PUT',
      body: { wakeAt: '2026-11-26T09:00:00+01:00' },
    });
    expect(answer).toBeNull();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect([url, init.method, init.body, init.keepalive]).toEqual([
      '/api/inbox/snoozes/7',
      'PUT',
      '{"wakeAt":"2026-11-26T09:00:00+01:00"}',
      true,
    ]);
    // A large body does not go as keepalive (browsers cap those at 64 KB in all).
    await apiRequest('/comments', { method: 'POST', body: { text: 'x'.repeat(5000) } });
    expect((fetchMock.mock.calls[1] as [string, RequestInit])[1].keepalive).toBe(false);
  });
});
