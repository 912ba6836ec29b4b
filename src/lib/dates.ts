import { formatDay } from './formats.ts';

/**
 * The one date format of the app's text: "Dec 6" (with the year when it is not this year), and the time when
 * there is one. Calendar days (YYYY-MM-DD) are days in the user's time zone.
 */
export function formatDate(value: string, withTime = false): string {
  const date = withTime ? new Date(value) : new Date(`${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return value;
  return formatDay(date, withTime);
}
