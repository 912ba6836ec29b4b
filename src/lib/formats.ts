/**
 * The app's one voice for numbers and times: every count, clock time, date and relative time on screen comes from
 * here, in the browser's locale (its own 12- or 24-hour clock, never a mix), through formatters made once.
 */

// Making an Intl formatter is costly: one per locale and kind, made when first needed (after a test has set its
// zone), kept for the page's life.
const JANUARY = new Date(2026, 0, 1);
const JULY = new Date(2026, 6, 1);
/**
 * The zone, as cheaply as it can be told: its offsets in winter and summer. Asking a formatter for the zone's name
 * makes one, which costs more than the formatting (a list's rows paid it twice each: issue 19).
 */
const zone = () => `${JANUARY.getTimezoneOffset()}/${JULY.getTimezoneOffset()}`;
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  locale: string | undefined,
  make: () => T,
): T {
  const id = `${key}|${locale ?? ''}|${zone()}`;
  let found = made.get(id) as T | undefined;
  if (!found) {
    found = make();
    made.set(id, found);
  }
  return found;
}

/** A count with the locale's separators: 1559 → "1,559". */
export const formatCount = (value: number, locale?: string): string =>
  formatter('count', locale, () => new Intl.NumberFormat(locale)).format(value);

const CLOCK = { hour: 'numeric', minute: '2-digit' } as const;
/** "9:00 AM" or "9:00", as the locale writes a clock time. */
export const formatClock = (date: Date, locale?: string): string =>
  formatter('clock', locale, () => new Intl.DateTimeFormat(locale, CLOCK)).format(date);

const DAY = 86_400_000;
const startOfDay = (time: number) => new Date(time).setHours(0, 0, 0, 0);
/** Calendar days from `now`'s day to `date`'s, in the user's time zone. */
export const calendarDaysBetween = (now: number, date: number) =>
  Math.round((startOfDay(date) - startOfDay(now)) / DAY);

/**
 * A time ahead (a snooze's wake time) as people read it: "Tue 9:00 AM" within the coming week, "Mon, Dec 14,
 * 9:00 AM" further on, with the year when it is not this year's.
 */
export function formatTimeAhead(date: Date, now: Date, locale?: string): string {
  const days = calendarDaysBetween(now.getTime(), date.getTime());
  const kind =
    days >= 0 && days < 7 ? 'week' : date.getFullYear() === now.getFullYear() ? 'day' : 'year';
  return formatter(
    `ahead-${kind}`,
    locale,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        ...(kind === 'week' ? {} : { day: 'numeric', month: 'short' }),
        ...(kind === 'year' ? { year: 'numeric' } : {}),
        ...CLOCK,
      }),
  ).format(date);
}

/** The exact time, for a hover title and screen readers: "Dec 7, 2026, 9:00 AM". */
export const formatExact = (date: Date, locale?: string): string =>
  formatter(
    'exact',
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);

/**
 * A calendar day (YYYY-MM-DD, in the user's zone) or an instant as a date: "Dec 6" (with the year when it is not
 * this year), and the clock time when asked.
 */
export function formatDay(date: Date, withTime = false, locale?: string): string {
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return formatter(
    `day-${sameYear}-${withTime}`,
    locale,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        ...(sameYear ? {} : { year: 'numeric' }),
        ...(withTime ? CLOCK : {}),
      }),
  ).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
/** Relative times in one style, in words: "5 minutes ago", "3 hours ago", "yesterday", "last week". */
export function formatRelative(date: Date, now = Date.now(), locale?: string): string {
  const relative = formatter(
    'relative',
    locale,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }),
  );
  const difference = date.getTime() - now;
  // Whole days are counted on the calendar, as the list's day headings are: Monday evening seen on Wednesday
  // morning is "2 days ago", not "yesterday".
  if (Math.abs(difference) >= DAY && Math.abs(difference) < 7 * DAY)
    return relative.format(calendarDaysBetween(now, date.getTime()), 'day');
  for (const [unit, size] of UNITS)
    if (Math.abs(difference) >= size) return relative.format(Math.round(difference / size), unit);
  return 'just now';
}
