import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.ts';
import { createQueryClient } from './query-client.ts';

describe('the query client policy', () => {
  const { queries, mutations } = createQueryClient().getDefaultOptions();
  const retries = (policy: unknown, failureCount: number, error: Error) =>
    (policy as (count: number, error: Error) => boolean)(failureCount, error);

  it('keeps an action that could not reach the server, instead of rolling it back at once', () => {
    const network = new ApiRequestError(0, 'Network error', 'unreachable');
    expect(retries(mutations?.retry, 0, network)).toBe(true);
    expect(retries(mutations?.retry, 30, network)).toBe(true);
    const delay = mutations?.retryDelay as (attempt: number) => number;
    expect([0, 1, 2, 3, 4, 20].map(delay)).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect(retries(mutations?.retry, 0, new ApiRequestError(503, 'Unavailable', 'down'))).toBe(
      false,
    );
    expect(retries(mutations?.retry, 0, new ApiRequestError(422, 'Invalid', 'no'))).toBe(false);
  });

  it('does not retry queries the server refused for what they are, but retries 429 and 5xx', () => {
    expect(retries(queries?.retry, 0, new ApiRequestError(404, 'Not found', 'x'))).toBe(false);
    expect(retries(queries?.retry, 0, new ApiRequestError(429, 'Too many', 'x'))).toBe(true);
    expect(retries(queries?.retry, 0, new ApiRequestError(503, 'Down', 'x'))).toBe(true);
    expect(retries(queries?.retry, 2, new ApiRequestError(503, 'Down', 'x'))).toBe(false);
  });
});
