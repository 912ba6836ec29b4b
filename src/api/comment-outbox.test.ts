// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveEntries } from './action-queue.ts';
import { enqueueComment, loadComments } from './comment-queue.ts';
import { replayOrphanComments } from './comment-outbox.ts';

const posted: unknown[] = [];
let status = 201;
const server = setupServer(
  http.post('*/api/v2/comments', async ({ request }) => {
    posted.push(await request.json());
    return status === 201
      ? HttpResponse.json({ data: { id: '1', type: 'comments', attributes: {} } }, { status })
      : HttpResponse.json({ errors: [{ status: String(status), detail: 'Nope' }] }, { status });
  }),
);

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
  const fetchWithInterception = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    fetchWithInterception(
      typeof input === 'string' && input.startsWith('/')
        ? new URL(input, window.location.origin)
        : input,
      init,
    );
});
afterAll(() => server.close());
beforeEach(() => {
  localStorage.clear();
  posted.length = 0;
  status = 201;
});

const deal = { kind: 'deal', id: 4 } as const;

describe('replaying replies left by a page that is gone', () => {
  it('sends the ones not refused, as markup on their parent, and they leave the queue', async () => {
    saveEntries([
      { ...enqueueComment(deal, 'Left <behind>\n\nby a reload', []), owner: 'gone' },
      { ...enqueueComment(deal, 'Refused before', []), owner: 'gone', failure: 'No' },
    ]);
    await replayOrphanComments(new QueryClient(), () => {});
    expect(posted).toEqual([
      {
        data: {
          type: 'comments',
          attributes: { body: '<p>Left &lt;behind&gt;</p><p>by a reload</p>' },
          relationships: { deal: { data: { type: 'deals', id: '4' } } },
        },
      },
    ]);
    expect(loadComments().map((entry) => entry.text)).toEqual(['Refused before']);
  });

  it('keeps a refused one with the reason, and says so', async () => {
    status = 422;
    saveEntries([{ ...enqueueComment(deal, 'Bad', []), owner: 'gone' }]);
    const refusals: string[] = [];
    await replayOrphanComments(new QueryClient(), (_entry, reason) => refusals.push(reason));
    expect(refusals).toEqual(['Nope']);
    expect(loadComments()).toEqual([expect.objectContaining({ text: 'Bad', failure: 'Nope' })]);
  });
});
