import { formatTimeAhead } from '../../../lib/formats.ts';

/**
 * A wake time as people read it, in the browser's locale: "Tue 9:00 AM" within the coming week, "Mon, Dec 7,
 * 9:00 AM" further on, with the year when it is not this year's.
 */
export const formatWakeTime = (date: Date, now: Date, locale?: string): string =>
  formatTimeAhead(date, now, locale);
