import {
  getNotifications,
  type NotificationPage,
  type NotificationQuery,
} from '../../../api/notifications.ts';
import { formatCount } from '../../../lib/formats.ts';
import { runThrottled } from './bulk.ts';
import type { Toast } from '../../../components/toasts.tsx';
import type { MatchingProgress, MatchingSelection } from './use-select-all-matching.ts';

/** The API's largest page. */
const PAGE_SIZE = 200;

/**
 * Every notification matching a query, up to the cap, page by page through the bulk runner (a few requests at a
 * time, spaced; a 429 is waited out for its Retry-After by apiRequest). All or nothing: the first page that fails stops the rest
 * and the whole fetch fails with its reason.
 */
export async function fetchAllMatching(
  query: NotificationQuery,
  {
    signal,
    onProgress = () => {},
    cap,
  }: { signal?: AbortSignal; onProgress?: (progress: MatchingProgress) => void; cap: number },
): Promise<MatchingSelection> {
  const stop = new AbortController();
  const pageSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const fetchPage = (number: number) => getNotifications(query, number, pageSignal, PAGE_SIZE);
  const first = await fetchPage(1);
  const pages: NotificationPage[] = [first];
  let loaded = first.notifications.length;
  const total = first.totalCount;
  const target = total === null ? null : Math.min(total, cap);
  onProgress({ loaded: Math.min(loaded, cap), total: target });
  let capped: boolean;
  if (total !== null && target !== null) {
    const numbers = Array.from(
      { length: Math.max(0, Math.ceil(target / PAGE_SIZE) - 1) },
      (_, index) => index + 2,
    );
    const failed: { first?: Error } = {};
    await runThrottled(
      numbers,
      fetchPage,
      (number, outcome) => {
        if (!outcome.ok) {
          failed.first ??= outcome.error;
          stop.abort(outcome.error);
          return;
        }
        pages[number - 1] = outcome.value;
        loaded += outcome.value.notifications.length;
        onProgress({ loaded: Math.min(loaded, target), total: target });
      },
      { signal: pageSignal },
    );
    signal?.throwIfAborted();
    if (failed.first) throw failed.first;
    capped = total > cap;
  } else {
    // The server does not say how many: one page after another, as far as the cap.
    let page = first;
    while (page.hasNextPage && pages.length < Math.ceil(cap / PAGE_SIZE)) {
      const number = pages.length + 1;
      page = await fetchPage(number);
      pages.push(page);
      loaded += page.notifications.length;
      onProgress({ loaded: Math.min(loaded, cap), total: null });
    }
    capped = page.hasNextPage;
  }
  const readById = new Map<string, boolean>();
  for (const page of pages) {
    for (const notification of page?.notifications ?? []) {
      if (readById.size >= cap) break;
      if (!readById.has(notification.id)) readById.set(notification.id, notification.read);
    }
  }
  return { ids: [...readById.keys()], readById, total, capped: capped || loaded > cap };
}

/** What the toast says once the ids are selected: all of them, or honestly, the first ones up to the cap. */
export function selectedMessage(selection: MatchingSelection): string {
  const count = formatCount(selection.ids.length);
  if (!selection.capped) return `Selected all ${count} matching notifications`;
  return selection.total !== null
    ? `Selected the first ${count} of ${formatCount(selection.total)} matching`
    : `Selected the first ${count} matching; more match than that`;
}

/**
 * "Select all matching" once asked: every matching notification, told in a toast; a failure is told in a toast
 * with its reason and Retry, and selects nothing (null, as does a stop).
 */
export async function selectAllMatching(
  query: NotificationQuery,
  options: {
    signal: AbortSignal;
    cap: number;
    onProgress: (progress: MatchingProgress) => void;
    showToast: (toast: Omit<Toast, 'id'>) => void;
    retry: () => void;
  },
): Promise<MatchingSelection | null> {
  const { signal, showToast } = options;
  try {
    const selection = await fetchAllMatching(query, options);
    if (signal.aborted) return null;
    showToast({ tone: 'info', message: selectedMessage(selection) });
    return selection;
  } catch (error) {
    if (signal.aborted) return null;
    // Reported at once with its reason (a 429 was already waited out): never retried behind the person's back.
    showToast({
      tone: 'error',
      message: `Could not select all matching notifications, so none were selected: ${
        error instanceof Error ? error.message : String(error)
      }`,
      action: { label: 'Retry', run: options.retry },
    });
    return null;
  }
}
