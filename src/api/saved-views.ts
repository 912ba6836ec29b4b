import { apiRequest, INBOX_API_BASE } from './http.ts';

/**
 * The person's saved views, kept by the inbox's own server per scope (`/api/inbox/views`,
 * server/inbox/preference-routes.ts; docs/decisions/018-saved-views-and-mute.md).
 */
export interface SavedView {
  id: string;
  name: string;
  /** The inbox address it opens, as the address bar held it: `/mentions?type=task`. */
  address: string;
  position: number;
}

/** The saved views' query key (features/inbox/api/saved-view-queries.ts), here for the list's `g 1`…`g 9`. */
export const SAVED_VIEW_LIST_KEY = ['saved-views', 'list'] as const;

export const MAX_VIEW_NAME = 80;
export const MAX_VIEWS = 50;

/** One view as the server sent it; anything malformed is refused with a readable error. */
export function parseSavedView(value: unknown): SavedView {
  const { id, name, address, position } = (value ?? {}) as Record<keyof SavedView, unknown>;
  if (
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(id) ||
    typeof name !== 'string' ||
    typeof address !== 'string' ||
    !address.startsWith('/') ||
    address.startsWith('//') ||
    typeof position !== 'number'
  ) {
    throw new Error('The server sent a saved view the app cannot read.');
  }
  return { id, name, address, position };
}

const call = async (path: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', body?: unknown) =>
  ((await apiRequest(path, { base: INBOX_API_BASE, method, body })) as { data?: unknown } | null)
    ?.data;
const one = (id: string) => `/views/${encodeURIComponent(id)}`;

export async function getSavedViews(): Promise<SavedView[]> {
  const data = await call('/views', 'GET');
  if (!Array.isArray(data)) throw new Error('The server sent a list of views the app cannot read.');
  return data.map(parseSavedView);
}

export const createSavedView = async (view: { name: string; address: string }) =>
  parseSavedView(await call('/views', 'POST', view));

export const updateSavedView = async (
  id: string,
  change: { name?: string; address?: string; position?: number },
) => parseSavedView(await call(one(id), 'PATCH', change));

export const deleteSavedView = async (id: string) => {
  await call(one(id), 'DELETE');
};
