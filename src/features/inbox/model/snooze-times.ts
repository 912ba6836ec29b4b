/**
 * When a snooze ends, in the person's own time zone (the browser's): the three presets, a picked date and time,
 * and how a wake time is written. Pure: `now` is always given.
 */

export type SnoozePresetName = 'later-today' | 'tomorrow' | 'next-monday';

export interface SnoozePreset {
  name: SnoozePresetName;
  label: string;
  wakeAt: Date;
}

const HOUR = 3_600_000;
/** The server's limit: a snooze ends within a year. */
export const MAX_SNOOZE_MS = 365 * 24 * HOUR;

/** 9:00 on the calendar day `days` after now's, local time (a day with a DST change is still one day). */
function nineOClock(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0, 0, 0);
}

/** Days from now's day to the next Monday: a week on a Monday, tomorrow on a Sunday. */
export function daysToNextMonday(now: Date): number {
  return (8 - now.getDay()) % 7 || 7;
}

/** "Later today" (in 3 h, to the minute), "Tomorrow morning" and "Next Monday morning" (9:00 local). */
export function snoozePresets(now: Date): SnoozePreset[] {
  const later = new Date(now.getTime() + 3 * HOUR);
  later.setSeconds(0, 0);
  return [
    { name: 'later-today', label: 'Later today', wakeAt: later },
    { name: 'tomorrow', label: 'Tomorrow morning', wakeAt: nineOClock(now, 1) },
    {
      name: 'next-monday',
      label: 'Next Monday morning',
      wakeAt: nineOClock(now, daysToNextMonday(now)),
    },
  ];
}

const two = (value: number) => String(value).padStart(2, '0');

/** A local time as ISO 8601 with its offset, as the server takes it: 2026-11-26T09:00:00+01:00. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

/** The value a `datetime-local` input holds for a time: 2026-11-26T09:00. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A picked date and time (a `datetime-local` value, local time), or why it cannot be a wake time. */
export function parsePickedTime(
  value: string,
  now: Date,
): { ok: true; wakeAt: Date } | { ok: false; error: string } {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return { ok: false, error: 'Enter a date and a time.' };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wakeAt = new Date(year, month - 1, day, hour, minute);
  if (
    wakeAt.getFullYear() !== year ||
    wakeAt.getMonth() !== month - 1 ||
    wakeAt.getDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return { ok: false, error: 'That date does not exist.' };
  }
  if (wakeAt.getTime() <= now.getTime()) {
    return { ok: false, error: 'That time has passed: pick a time in the future.' };
  }
  if (wakeAt.getTime() - now.getTime() > MAX_SNOOZE_MS) {
    return { ok: false, error: 'A notification can be snoozed for at most a year.' };
  }
  return { ok: true, wakeAt };
}
