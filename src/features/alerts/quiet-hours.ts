import type { QuietHours } from './alert-settings.ts';

const minutesOf = (clock: string) => {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/** The wall-clock minute of the day (0–1439) at `at` in `timeZone`. */
export function minuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * Whether `at` falls in the quiet hours: from `from` (included) to `to` (excluded), in the person's time zone,
 * spanning midnight when `to` is earlier than `from` (22:00–08:00). Equal ends mean no quiet hours.
 */
export function isQuietAt(quiet: QuietHours, at: Date): boolean {
  if (!quiet.on) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  const now = minuteOfDay(at, quiet.timeZone);
  return from < to ? now >= from && now < to : now >= from || now < to;
}
