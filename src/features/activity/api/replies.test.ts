// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOutbox } from '../../../outbox/replay.ts';
import { enqueue, thisTab, update } from '../../../outbox/store.ts';
import { activityQueries } from './activity-queries.ts';
import {
  queuedReplies,
  REPLY_KIND,
  replySender,
  retryReply,
  sendReply,
  takeBackReply,
  type ReplyPayload,
} from './replies.ts';

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
let stop = () => {};
afterEach(() => stop());
beforeEach(() => {
  localStorage.clear();
  posted.length = 0;
  status = 201;
});

const deal = { kind: 'deal', id: 4 } as const;
const queryClient = () => new QueryClient({ defaultOptions: { mutations: { retry: false } } });
/** Replies as a page that is gone left them: another tab's, some refused before. */
function leftBehind(...replies: { text: string; failure?: string }[]) {
  for (const { text, failure = null } of replies) {
    const { key } = enqueue<ReplyPayload>(REPLY_KIND, { target: deal, text, mentions: [] });
    update(key, { owner: 'gone', failure });
  }
}

describe('replies in the outbox', () => {
  it('are written before they are sent, and leave once the server accepts them', async () => {
    const { entry, sent } = sendReply(queryClient(), deal, 'Hello @Ana', [
      { id: '7', name: 'Ana' },
    ]);
    expect(queuedReplies()).toEqual([entry]);
    expect(entry.payload).toEqual({
      target: deal,
      text: 'Hello @Ana',
      mentions: [{ id: '7', name: 'Ana' }],
    });
    await sent;
    expect(queuedReplies()).toEqual([]);
  });

  it('accepted: the feeds of its item are refetched, whatever their filters, and no other item’s', async () => {
    const client = queryClient();
    const feeds = [
      activityQueries.list({ target: deal }).queryKey,
      activityQueries.list({ target: deal, kinds: [1], oldestFirst: true }).queryKey,
      activityQueries.list({ target: { kind: 'task', id: 4 } }).queryKey,
    ];
    for (const key of feeds) client.setQueryData(key, { pages: [], pageParams: [] });
    await sendReply(client, deal, 'Hi', []).sent;
    expect(feeds.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keep a refusal with its reason until Retry, which sends again from this tab; Edit takes one back', async () => {
    status = 422;
    const client = queryClient();
    const { entry, sent } = sendReply(client, deal, 'Bad', []);
    await expect(sent).rejects.toThrow('Nope');
    expect(queuedReplies()).toEqual([expect.objectContaining({ key: entry.key, failure: 'Nope' })]);
    status = 201;
    await retryReply(client, entry.key);
    expect(queuedReplies()).toEqual([]);

    status = 422;
    const other = sendReply(client, deal, 'Edit me', []);
    await other.sent.catch(() => {});
    expect(takeBackReply(other.entry.key)?.payload.text).toBe('Edit me');
    expect(queuedReplies()).toEqual([]);
  });

  it('left by a page that is gone: the loop sends the ones not refused, as markup on their parent', async () => {
    leftBehind({ text: 'Left <behind>\n\nby a reload' }, { text: 'Refused before', failure: 'No' });
    stop = startOutbox({ queryClient: queryClient(), showToast: () => 0 }, [replySender]);
    await vi.waitFor(() =>
      expect(queuedReplies().map((entry) => entry.payload.text)).toEqual(['Refused before']),
    );
    expect(posted).toEqual([
      {
        data: {
          type: 'comments',
          attributes: { body: '<p>Left &lt;behind&gt;</p><p>by a reload</p>' },
          relationships: { deal: { data: { type: 'deals', id: '4' } } },
        },
      },
    ]);
  });

  it('left by a page that is gone and refused now: kept with the reason, and said once', async () => {
    leftBehind({ text: 'Bad' });
    status = 422;
    const said: string[] = [];
    stop = startOutbox(
      { queryClient: queryClient(), showToast: ({ message }) => said.push(message) },
      [replySender],
    );
    await vi.waitFor(() => expect(said).toEqual(['A reply could not be sent: Nope']));
    expect(queuedReplies()).toEqual([
      expect.objectContaining({
        owner: thisTab,
        failure: 'Nope',
        payload: expect.objectContaining({ text: 'Bad' }),
      }),
    ]);
  });
});
