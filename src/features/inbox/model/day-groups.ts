import type { Notification } from '../../../api/notifications.ts';

export type ListItem =
  | {
      kind: 'header';
      key: string;
      label: string;
      /** Grouped lists (groups.ts): how many the group holds, which, and whether it is folded. */
      count?: number;
      ids?: readonly string[];
      collapsed?: boolean;
      group?: string;
    }
  | { kind: 'row'; key: string; notification: Notification; position: number };

const startOfDay = (date: Date) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
const DAY = 86_400_000;

// Creating an Intl.DateTimeFormat is costly; lists of thousands of rows are grouped on every change.
const formatters = new Map<boolean, Intl.DateTimeFormat>();
function dateFormat(withYear: boolean): Intl.DateTimeFormat {
  let format = formatters.get(withYear);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
    });
    formatters.set(withYear, format);
  }
  return format;
}

/** The day group of a time: Today, Yesterday, Earlier this week, else the date itself. */
export function dayGroup(iso: string | null, now = new Date()): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return 'No date';
  const date = new Date(iso);
  const today = startOfDay(now);
  const day = startOfDay(date);
  if (day >= today) return 'Today';
  if (day >= today - DAY) return 'Yesterday';
  const weekStart = today - ((now.getDay() + 6) % 7) * DAY;
  if (day >= weekStart) return 'Earlier this week';
  return dateFormat(date.getFullYear() !== now.getFullYear()).format(date);
}

/** The group of the notifications back from snooze, which lead the list whatever their day. */
export const BACK_FROM_SNOOZE = 'Back from snooze';
const NOBODY: ReadonlySet<string> = new Set();

/** The list as the virtualizer sees it: a header before each day's first row (and before those back from snooze). */
export function withDayHeaders(
  notifications: readonly Notification[],
  now = new Date(),
  back: ReadonlySet<string> = NOBODY,
): ListItem[] {
  const items: ListItem[] = [];
  // Rows of one day share a label: each day is worked out once.
  const labels = new Map<number, string>();
  let current: string | null = null;
  notifications.forEach((notification, index) => {
    const time = notification.lastActionAt ? Date.parse(notification.lastActionAt) : NaN;
    const day = Number.isNaN(time) ? NaN : startOfDay(new Date(time));
    let group = back.has(notification.id) ? BACK_FROM_SNOOZE : labels.get(day);
    if (group === undefined) {
      group = dayGroup(notification.lastActionAt, now);
      labels.set(day, group);
    }
    if (group !== current) {
      current = group;
      items.push({ kind: 'header', key: `header:${group}:${index}`, label: group });
    }
    items.push({ kind: 'row', key: notification.id, notification, position: index + 1 });
  });
  return items;
}
