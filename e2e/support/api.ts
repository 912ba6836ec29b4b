import type { APIRequestContext, Page } from '@playwright/test';

export interface ApiNotification {
  id: string;
  attributes: { read: boolean; dismissed: boolean; target_type: string; title: string };
}

/** Reads notifications straight from the server, to compare the screen against. */
export async function apiNotifications(
  request: APIRequestContext,
  filters: Record<string, string>,
  size = 50,
) {
  const params = new URLSearchParams({ ...filters, 'page[size]': String(size) });
  const response = await request.get(`/api/v2/notifications?${params}`);
  const body = (await response.json()) as {
    data: ApiNotification[];
    meta: { total_count: number };
  };
  return { ids: body.data.map((item) => item.id), data: body.data, total: body.meta.total_count };
}

export async function apiNotification(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v2/notifications/${id}`);
  return ((await response.json()) as { data: ApiNotification }).data.attributes;
}

/** The rows in the DOM: with a virtualized list, a window onto the list, starting at the top when scrolled there. */
export const screenIds = (page: Page) =>
  page
    .getByTestId('notification-row')
    .evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-notification-id') as string),
    );

/** True when the rows on screen are the server's list from its start (the list is scrolled to the top). */
export async function screenMatches(page: Page, ids: string[]) {
  const shown = await screenIds(page);
  return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(ids.slice(0, shown.length))
    ? 'match'
    : JSON.stringify({ shown, ids: ids.slice(0, shown.length) });
}
