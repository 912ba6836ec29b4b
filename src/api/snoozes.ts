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

const STATES: readonly unknown[] = ['scheduled', 'woken', 'cancelled'];
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && Number.isFinite(Date.parse(value));

/** One snooze as the server sent it; anything malformed is refused with a readable error. */
export function parseSnooze(value: unknown): Snooze {
  const item = (value ?? {}) as Record<keyof Snooze, unknown>;
  const { id, state, wakeAt, snoozedAt, wokenAt } = item;
  if (
    !(typeof id === 'string' && /^\d{1,18}$/.test(id)) ||
    !STATES.includes(state) ||
    !isTime(wakeAt) ||
    !isTime(snoozedAt) ||
    !(wokenAt === null || isTime(wokenAt))
  ) {
    throw new Error('The server sent a snooze the app cannot read.');
  }
  const count = Number(item.newActivityCount);
  return {
    id,
    state: state as SnoozeState,
    wakeAt,
    snoozedAt,
    wokenAt,
    newActivityCount: Number.isInteger(count) && count > 0 ? count : 0,
  };
}

/** A request to the inbox's own endpoints; its `data`. */
const call = async (path: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', body?: unknown) =>
  ((await apiRequest(path, { base: INBOX_API_BASE, method, body })) as { data?: unknown } | null)
    ?.data;
const one = (id: string, action = '') => `/snoozes/${encodeURIComponent(id)}${action}`;

/** Scheduled snoozes and the ones back from snooze (due ones are woken by the server first). */
export async function getSnoozes(): Promise<Snooze[]> {
  const data = await call('/snoozes', 'GET');
  if (!Array.isArray(data)) throw new Error('The server sent a snooze list the app cannot read.');
  return data.map(parseSnooze);
}

/** Snoozes a notification until `wakeAt` (dismissing it on the server); again, if it was snoozed already. */
export const putSnooze = async (id: string, wakeAt: string) =>
  parseSnooze(await call(one(id), 'PUT', { wakeAt }));

/** Undo of a snooze: dropped, and the notification undismissed, with no "back" mark. Idempotent. */
export const deleteSnooze = async (id: string) => parseSnooze(await call(one(id), 'DELETE'));

/** Wakes a snoozed notification now: undismissed and marked back from snooze. */
export const wakeSnooze = async (id: string) => parseSnooze(await call(one(id, '/wake'), 'POST'));

/** The person has seen it back (read or dismissed it): the "back from snooze" mark goes (204). */
export const acknowledgeSnooze = (id: string) => call(one(id, '/acknowledge'), 'POST');
