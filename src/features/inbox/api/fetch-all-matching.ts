import {
  getNotifications,
  type NotificationPage,
  type NotificationQuery,
} from '../../../api/notifications.ts';
import { formatCount } from '../../../lib/formats.ts';
import { runThrottled } from './bulk.ts';
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
