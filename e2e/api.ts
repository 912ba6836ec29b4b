import type { APIRequestContext } from '@playwright/test';

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
