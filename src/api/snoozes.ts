import { apiRequest, INBOX_API_BASE } from './http.ts';

/**
 * The person's snoozes, kept by the inbox's own server (`/api/inbox/snoozes`, server/inbox/routes.ts; where they
 * live and who wakes them: docs/decisions/009-snooze.md).
 */
export type SnoozeState = 'scheduled' | 'woken' | 'cancelled';

export interface Snooze {
  /** The notification's id. */
  id: string;
  state: SnoozeState;
  wakeAt: string;
  snoozedAt: string;
  /** Null until woken. */
  wokenAt: string | null;
  /** How many times new activity arrived on it while it was snoozed. */
  newActivityCount: number;
}

const STATES: readonly string[] = ['scheduled', 'woken', 'cancelled'];
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && Number.isFinite(Date.parse(value));

/** One snooze as the server sent it; anything malformed is refused with a readable error. */
export function parseSnooze(value: unknown): Snooze {
  const item = (value ?? {}) as Record<string, unknown>;
  if (
    typeof item.id !== 'string' ||
    !/^\d{1,18}$/.test(item.id) ||
    typeof item.state !== 'string' ||
    !STATES.includes(item.state) ||
    !isTime(item.wakeAt) ||
    !isTime(item.snoozedAt) ||
    !(item.wokenAt === null || isTime(item.wokenAt))
  ) {
    throw new Error('The server sent a snooze the app cannot read.');
  }
  const count = Number(item.newActivityCount);
  return {
    id: item.id,
    state: item.state as SnoozeState,
    wakeAt: item.wakeAt,
    snoozedAt: item.snoozedAt,
    wokenAt: item.wokenAt,
    newActivityCount: Number.isInteger(count) && count > 0 ? count : 0,
  };
}

const dataOf = (body: unknown) => (body as { data?: unknown } | null)?.data;
const path = (id: string) => `/snoozes/${encodeURIComponent(id)}`;

/** Scheduled snoozes and the ones back from snooze (due ones are woken by the server first). */
export async function getSnoozes(signal?: AbortSignal): Promise<Snooze[]> {
  const data = dataOf(await apiRequest('/snoozes', { base: INBOX_API_BASE, signal }));
  if (!Array.isArray(data)) throw new Error('The server sent a snooze list the app cannot read.');
  return data.map(parseSnooze);
}

/** Snoozes a notification until `wakeAt` (dismissing it on the server); again, if it was snoozed already. */
export async function putSnooze(id: string, wakeAt: string): Promise<Snooze> {
  return parseSnooze(
    dataOf(await apiRequest(path(id), { base: INBOX_API_BASE, method: 'PUT', body: { wakeAt } })),
  );
}

/** Undo of a snooze: dropped, and the notification undismissed, with no "back" mark. Idempotent. */
export async function deleteSnooze(id: string): Promise<Snooze> {
  return parseSnooze(dataOf(await apiRequest(path(id), { base: INBOX_API_BASE, method: 'DELETE' })));
}

/** Wakes a snoozed notification now: undismissed and marked back from snooze. */
export async function wakeSnooze(id: string): Promise<Snooze> {
  return parseSnooze(
    dataOf(await apiRequest(`${path(id)}/wake`, { base: INBOX_API_BASE, method: 'POST' })),
  );
}

/** The person has seen it back (read or dismissed it): the "back from snooze" mark goes. */
export async function acknowledgeSnooze(id: string): Promise<void> {
  await apiRequest(`${path(id)}/acknowledge`, { base: INBOX_API_BASE, method: 'POST' });
}
