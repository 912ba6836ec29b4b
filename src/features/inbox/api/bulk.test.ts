// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  onRateHeadroom,
  RATE_LIMIT_ATTEMPTS,
  setRateLimitBackoffMs,
  type RateHeadroom,
} from '../../../api/http.ts';
import { patchNotification } from '../../../api/notifications.ts';
import { apiMock, resolveRelativeFetch } from '../../../testing/api-mock.ts';
import { runBulk, setRequestSpacingMs } from './bulk.ts';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
  setRequestSpacingMs(0);
  setRateLimitBackoffMs(1);
});
afterEach(() => apiMock.resetHandlers());
afterAll(() => {
  apiMock.close();
  setRequestSpacingMs(null);
  setRateLimitBackoffMs(null);
});

describe('429 in a bulk action', () => {
  it('is waited out at one depth only: apiRequest’s tries, never multiplied by a second retry loop', async () => {
    let asked = 0;
    apiMock.use(
      http.patch('*/api/v2/notifications/:id/dismiss', () => {
        asked++;
        return HttpResponse.json(
          { errors: [{ status: '429', title: 'Too Many Requests' }] },
          { status: 429 },
        );
      }),
    );
    const result = await runBulk(['5'], (id) => patchNotification(id, 'dismiss'));
    expect(result.failed).toHaveLength(1);
    expect(asked).toBe(RATE_LIMIT_ATTEMPTS);
  });

  it('tells the pacing what the server says is left, and a 429 as nothing left until its Retry-After', async () => {
    const told: RateHeadroom[] = [];
    const stop = onRateHeadroom((headroom) => told.push(headroom));
    let first = true;
    apiMock.use(
      http.patch('*/api/v2/notifications/:id/dismiss', () => {
        if (first) {
          first = false;
          return HttpResponse.json(
            { errors: [{ status: '429' }] },
            {
              status: 429,
              headers: {
                'Retry-After': '1',
                'RateLimit-Limit': '100',
                'RateLimit-Remaining': '0',
                'RateLimit-Reset': '1',
              },
            },
          );
        }
        return HttpResponse.json(
          {
            data: {
              id: '5',
              type: 'notifications',
              attributes: { title: 'x', read: false, dismissed: true },
            },
          },
          {
            headers: {
              'RateLimit-Limit': '100',
              'RateLimit-Remaining': '57',
              'RateLimit-Reset': '4',
            },
          },
        );
      }),
    );
    await patchNotification('5', 'dismiss').catch(() => {});
    stop();
    expect(
      told.map(({ limit, remaining, resetSeconds }) => ({ limit, remaining, resetSeconds })),
    ).toEqual([
      { limit: 100, remaining: 0, resetSeconds: 1 },
      { limit: 100, remaining: 57, resetSeconds: 4 },
    ]);
  });
});
