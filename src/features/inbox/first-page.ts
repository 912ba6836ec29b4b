/**
 * The app's side of the first rows the server wrote into the page (server/http/first-paint.ts, docs/decisions/019): their JSON
 * goes into React Query before the first render, so the Inbox view's list renders from it at once and sends no
 * request for it. (The layer of plain rows goes when the list shows: lib/first-paint.ts.)
 */
import type { QueryClient } from '@tanstack/react-query';
import { readNotificationPage } from '../../api/notifications.ts';
import { notificationQueries } from './api/notification-queries.ts';
import { NO_FILTERS, toNotificationQuery } from './model/filters.ts';

/** The `<script type="application/json">` with the API's answer (server/http/first-paint.ts names it too). */
export const FIRST_PAGE_ID = 'inbox-first-page';

/**
 * Puts the page's first page of the Inbox view (if it carries one) into the cache, as fetched now: newer than
 * anything restored from the device. Read once: the element is removed. Anything unreadable is left out (the
 * list asks for itself).
 */
export function seedFirstPage(queryClient: QueryClient, doc: Document = document): boolean {
  const element = doc.getElementById(FIRST_PAGE_ID);
  if (!element) return false;
  element.remove();
  try {
    const page = readNotificationPage(JSON.parse(element.textContent) as unknown, 1);
    queryClient.setQueryData(
      notificationQueries.list(toNotificationQuery('inbox', NO_FILTERS)).queryKey,
      { pages: [page], pageParams: [1] },
    );
    return true;
  } catch {
    return false;
  }
}
