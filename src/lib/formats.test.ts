import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatDay, formatExact, formatRelative } from './formats.ts';

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});
const at = (text: string) => new Date(text).getTime();

describe('one voice for numbers and times', () => {
  it('writes counts with the locale’s separators', () => {
    expect(formatCount(1559, 'en-US')).toBe('1,559');
    expect(formatCount(1559, 'de-DE')).toBe('1.559');
    expect(formatCount(50, 'en-US')).toBe('50');
  });

  it('writes clock times the locale’s way, in the user’s zone', () => {
    process.env.TZ = 'Europe/Zagreb';
    const date = new Date('2026-11-25T12:21:00Z');
    expect(formatClock(date, 'en-US')).toBe('1:21 PM');
    expect(formatClock(date, 'en-GB')).toBe('13:21');
    expect(formatExact(date, 'en-US')).toBe('Nov 25, 2026, 1:21 PM');
    expect(formatExact(date, 'en-GB')).toBe('25 Nov 2026, 13:21');
    expect(formatDay(new Date('2019-03-04T10:00:00Z'), false, 'en-US')).toBe('Mar 4, 2019');
  });

  it('follows a change of zone, with formatters made once per zone', () => {
    const date = new Date('2026-11-25T12:21:00Z');
    process.env.TZ = 'UTC';
    expect(formatClock(date, 'en-GB')).toBe('12:21');
    process.env.TZ = 'Asia/Tokyo';
    expect(formatClock(date, 'en-GB')).toBe('21:21');
    process.env.TZ = 'UTC';
    expect(formatClock(date, 'en-GB')).toBe('12:21');
  });

  it('writes relative times in one style, in words, counting whole days on the calendar', () => {
    const now = at('2026-11-25T04:00:00');
    expect(formatRelative(new Date('2026-11-25T03:59:50'), now, 'en-US')).toBe('just now');
    expect(formatRelative(new Date('2026-11-25T03:55:00'), now, 'en-US')).toBe('5 minutes ago');
    expect(formatRelative(new Date('2026-11-25T03:00:00'), now, 'en-US')).toBe('1 hour ago');
    expect(formatRelative(new Date('2026-11-24T23:00:00'), now, 'en-US')).toBe('5 hours ago');
    expect(formatRelative(new Date('2026-11-24T03:00:00'), now, 'en-US')).toBe('yesterday');
    // Monday evening seen on Wednesday morning: two calendar days.
    expect(formatRelative(new Date('2026-11-23T17:12:00'), now, 'en-US')).toBe('2 days ago');
    expect(formatRelative(new Date('2026-11-16T04:00:00'), now, 'en-US')).toBe('last week');
    expect(formatRelative(new Date('2026-11-04T04:00:00'), now, 'en-US')).toBe('3 weeks ago');
  });
});
