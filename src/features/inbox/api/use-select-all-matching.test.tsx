// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type Mock,
} from 'vitest';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { ToastProvider } from '../../../components/toasts.tsx';
import {
  apiMock,
  mockNotification,
  mockState,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
import { setRequestSpacingMs } from './bulk.ts';
import { fetchAllMatching } from './fetch-all-matching.ts';
import { useSelectAllMatching, type MatchingSelection } from './use-select-all-matching.ts';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
});
afterEach(() => apiMock.resetHandlers());
afterAll(() => apiMock.close());

/** Page numbers asked for, in order. */
let pagesAsked: number[] = [];
const pageOf = (url: string) => Number(new URL(url).searchParams.get('page[number]'));
beforeEach(() => {
  pagesAsked = [];
  apiMock.events.removeAllListeners();
  apiMock.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith('/notifications'))
      pagesAsked.push(pageOf(request.url));
  });
});

const INBOX: NotificationQuery = { dismissed: false };

/** `count` undismissed notifications (every third read) and two dismissed ones that must not be selected. */
function seed(count: number) {
  resetMockState([
    ...Array.from({ length: count }, (_, index) =>
      mockNotification(index + 1, { read: index % 3 === 0 }),
    ),
    mockNotification(count + 1, { dismissed: true }),
    mockNotification(count + 2, { dismissed: true }),
  ]);
}

/** Holds the answer for one page until released. */
function holdPage(number: number) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  apiMock.use(
    http.get('*/api/v2/notifications', async ({ request }) => {
      if (pageOf(request.url) === number) await held;
      return undefined;
    }),
  );
  return release;
}

function selectionMade(onSelected: Mock<(selection: MatchingSelection) => void>) {
  const [call] = onSelected.mock.calls;
  if (!call) throw new Error('Nothing was selected');
  return call[0];
}

function renderSelectAll(query: NotificationQuery = INBOX) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  const onSelected = vi.fn<(selection: MatchingSelection) => void>();
  const hook = renderHook(
    ({ query }: { query: NotificationQuery }) => useSelectAllMatching(query, onSelected),
    { wrapper, initialProps: { query } },
  );
  return { ...hook, onSelected };
}

describe('useSelectAllMatching', () => {
  beforeEach(() => setRequestSpacingMs(0));
  afterEach(() => setRequestSpacingMs(null));

  it('pages through every match in 200s, in list order, with the read state and its progress', async () => {
    seed(450);
    const release = holdPage(3);
    const { result, onSelected } = renderSelectAll();
    let selecting: Promise<MatchingSelection | null> = Promise.resolve(null);
    act(() => {
      selecting = result.current.select();
    });
    await waitFor(() => expect(result.current.progress).toEqual({ loaded: 400, total: 450 }));
    expect(onSelected).not.toHaveBeenCalled();
    release();
    let selection: MatchingSelection | null = null;
    await act(async () => {
      selection = await selecting;
    });
    expect(onSelected).toHaveBeenCalledOnce();
    expect(onSelected.mock.calls[0]?.[0]).toBe(selection);
    const { ids, readById, total, capped } = selectionMade(onSelected);
    expect(ids).toEqual(Array.from({ length: 450 }, (_, index) => String(index + 1)));
    expect(readById.get('1')).toBe(true);
    expect(readById.get('2')).toBe(false);
    expect([...readById.values()].filter((read) => !read)).toHaveLength(300);
    expect({ total, capped }).toEqual({ total: 450, capped: false });
    expect(pagesAsked.sort()).toEqual([1, 2, 3]);
    expect(result.current.progress).toBeNull();
    expect(screen.getByText('Selected all 450 matching notifications')).toBeTruthy();
  });

  it('waits out a 429 for its Retry-After and asks again, then selects everything', async () => {
    seed(450);
    let refusedAt = 0;
    let askedAgainAt = 0;
    apiMock.use(
      http.get('*/api/v2/notifications', ({ request }) => {
        if (pageOf(request.url) !== 2) return undefined;
        if (refusedAt === 0) {
          refusedAt = Date.now();
          return HttpResponse.json(
            { errors: [{ status: '429', title: 'Too many requests' }] },
            { status: 429, headers: { 'Retry-After': '1' } },
          );
        }
        askedAgainAt = Date.now();
        return undefined;
      }),
    );
    const { result, onSelected } = renderSelectAll();
    await act(async () => {
      await result.current.select();
    });
    expect(askedAgainAt - refusedAt).toBeGreaterThanOrEqual(950);
    expect(pagesAsked.filter((page) => page === 2)).toHaveLength(2);
    expect(onSelected).toHaveBeenCalledOnce();
    expect(onSelected.mock.calls[0]?.[0].ids).toHaveLength(450);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('reports a page that fails with its reason, selects none, and Retry selects them all', async () => {
    seed(650);
    let failing = true;
    apiMock.use(
      http.get('*/api/v2/notifications', ({ request }) =>
        failing && pageOf(request.url) === 3
          ? HttpResponse.json(
              {
                errors: [{ status: '500', title: 'Server error', detail: 'Database unavailable' }],
              },
              { status: 500 },
            )
          : undefined,
      ),
    );
    const { result, onSelected } = renderSelectAll();
    let selection: MatchingSelection | null = null;
    await act(async () => {
      selection = await result.current.select();
    });
    expect(selection).toBeNull();
    expect(onSelected).not.toHaveBeenCalled();
    expect(result.current.progress).toBeNull();
    expect(
      screen.getByText(
        'Could not select all matching notifications, so none were selected: Database unavailable',
      ),
    ).toBeTruthy();
    failing = false;
    act(() => screen.getByRole('button', { name: 'Retry' }).click());
    await waitFor(() => expect(onSelected).toHaveBeenCalledOnce());
    expect(onSelected.mock.calls[0]?.[0].ids).toHaveLength(650);
  });

  it('stops at 20,000 and says so, with how many match', async () => {
    seed(23_456);
    const release = holdPage(100);
    const { result, onSelected } = renderSelectAll();
    let selecting: Promise<MatchingSelection | null> = Promise.resolve(null);
    act(() => {
      selecting = result.current.select();
    });
    await waitFor(
      () => expect(result.current.progress).toEqual({ loaded: 19_800, total: 20_000 }),
      { timeout: 15_000 },
    );
    expect(onSelected).not.toHaveBeenCalled();
    release();
    await act(() => selecting);
    const selection = selectionMade(onSelected);
    expect(selection.ids).toHaveLength(20_000);
    expect(selection.ids.at(-1)).toBe('20000');
    expect(new Set(selection.ids).size).toBe(20_000);
    expect({ total: selection.total, capped: selection.capped }).toEqual({
      total: 23_456,
      capped: true,
    });
    expect(Math.max(...pagesAsked)).toBe(100);
    expect(pagesAsked).toHaveLength(100);
    expect(screen.getByText('Selected the first 20,000 of 23,456 matching')).toBeTruthy();
  }, 20_000);

  it('selects nothing when the filters change before it is done', async () => {
    seed(650);
    const release = holdPage(2);
    const { result, onSelected, rerender } = renderSelectAll();
    let selecting: Promise<MatchingSelection | null> = Promise.resolve(null);
    act(() => {
      selecting = result.current.select();
    });
    await waitFor(() => expect(result.current.progress).toEqual({ loaded: 450, total: 650 }));
    rerender({ query: { ...INBOX, important: true } });
    expect(result.current.progress).toBeNull();
    release();
    await act(async () => {
      expect(await selecting).toBeNull();
    });
    expect(onSelected).not.toHaveBeenCalled();
    expect(screen.queryByText(/Selected|Could not select/)).toBeNull();
  });

  it('pages on one after another when the server does not say how many match', async () => {
    seed(450);
    mockState.listsWithoutTotal = true;
    const { result, onSelected } = renderSelectAll();
    await act(async () => {
      await result.current.select();
    });
    const selection = selectionMade(onSelected);
    expect(selection.ids).toHaveLength(450);
    expect({ total: selection.total, capped: selection.capped }).toEqual({
      total: null,
      capped: false,
    });
    expect(pagesAsked).toEqual([1, 2, 3]);
    expect(screen.getByText('Selected all 450 matching notifications')).toBeTruthy();
  });

  it('says when it stops at the cap without knowing how many match', async () => {
    seed(450);
    mockState.listsWithoutTotal = true;
    const progress: unknown[] = [];
    const selection = await fetchAllMatching(INBOX, {
      cap: 400,
      onProgress: (next) => progress.push(next),
    });
    expect(selection.ids).toHaveLength(400);
    expect({ total: selection.total, capped: selection.capped }).toEqual({
      total: null,
      capped: true,
    });
    expect(pagesAsked).toEqual([1, 2]);
    expect(progress).toEqual([
      { loaded: 200, total: null },
      { loaded: 400, total: null },
    ]);
  });
});
