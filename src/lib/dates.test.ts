import { afterEach, describe, expect, it } from 'vitest';
import { calendarDay, dayRanges, firstDayOfWeek, formatDate } from './dates.ts';

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('date presets', () => {
  it('run up to today in the user’s zone, the week from its first day', () => {
    process.env.TZ = 'Pacific/Auckland';
    // Wednesday 9 December 2026, 08:30 in Auckland (still the 8th in UTC).
    const now = new Date('2026-12-08T19:30:00Z');
    expect(calendarDay(now)).toBe('2026-12-09');
    const ranges = Object.fromEntries(
      dayRanges(now, 1).map((range) => [range.name, [range.after, range.before]]),
    );
    expect(ranges).toEqual({
      today: ['2026-12-09', '2026-12-09'],
      'last-7-days': ['2026-12-03', '2026-12-09'],
      'this-week': ['2026-12-07', '2026-12-09'],
      'last-30-days': ['2026-11-10', '2026-12-09'],
    });
    // Where weeks start on Sunday.
    expect(dayRanges(now, 7).find((range) => range.name === 'this-week')?.after).toBe('2026-12-06');
    // On the week's first day, this week is today.
    expect(
      dayRanges(new Date('2026-12-06T22:00:00Z'), 1).find((range) => range.name === 'this-week'),
    ).toMatchObject({ after: '2026-12-07', before: '2026-12-07' });
  });

  it('cross a month and a year back on the calendar', () => {
    process.env.TZ = 'Europe/Zagreb';
    const ranges = dayRanges(new Date('2027-01-03T10:00:00Z'), 1);
    expect(ranges.map((range) => range.after)).toEqual([
      '2027-01-03',
      '2026-12-28',
      '2026-12-28',
      '2026-12-05',
    ]);
  });

  it('know the first day of the week where the locale says, Monday otherwise', () => {
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect([1, 7]).toContain(firstDayOfWeek('en-US'));
    expect(firstDayOfWeek('not a locale')).toBe(1);
  });

  it('write a calendar day in the one date format, leaving what is not a date as it is', () => {
    expect(formatDate('nonsense')).toBe('nonsense');
    expect(formatDate('2019-03-04')).toBe(
      new Intl.DateTimeFormat(undefined, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }).format(new Date(2019, 2, 4)),
    );
  });
});
