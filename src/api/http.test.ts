import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, ApiRequestError } from './http.ts';

/** A fetch that never answers, but gives up when its signal is aborted, as the real one does. */
function hangingFetch() {
  return vi.fn(
    (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      }),
  );
}

afterEach(() => vi.unstubAllGlobals());

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
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('{"errors":[{"title":"Too Many Requests","detail":"Slow down"}]}', {
            status: 429,
            headers: { 'Retry-After': '3' },
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
      3,
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
