import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  daysToNextMonday,
  isoWithOffset,
  parsePickedTime,
  snoozePresets,
  toLocalInputValue,
} from './snooze-times.ts';
import { formatWakeTime } from './wake-time.ts';

// Node reads TZ again whenever it is set: each test runs in a named zone, as a person there would.
const originalZone = process.env.TZ;
const inZone = (zone: string) => {
  process.env.TZ = zone;
};
afterEach(() => {
  process.env.TZ = originalZone;
});

const presets = (iso: string) =>
  Object.fromEntries(snoozePresets(new Date(iso)).map((preset) => [preset.name, preset.wakeAt]));

describe('snooze presets, in the person’s time zone', () => {
  beforeEach(() => inZone('Europe/Zagreb'));

  it('later today is three hours on, to the minute; tomorrow and next Monday at 9:00 local', () => {
    // Wednesday 25 November 2026, 10:17:42 in Zagreb (UTC+1).
    const times = presets('2026-11-25T09:17:42Z');
    expect(isoWithOffset(times['later-today'] as Date)).toBe('2026-11-25T13:17:00+01:00');
    expect(isoWithOffset(times.tomorrow as Date)).toBe('2026-11-26T09:00:00+01:00');
    expect(isoWithOffset(times['next-monday'] as Date)).toBe('2026-11-30T09:00:00+01:00');
  });

  it('next Monday from a Monday is a week on, from a Sunday it is tomorrow', () => {
    // Monday 30 November 2026, 08:00 local (before 9:00: still next week's Monday).
    expect(isoWithOffset(presets('2026-11-30T07:00:00Z')['next-monday'] as Date)).toBe(
      '2026-12-07T09:00:00+01:00',
    );
    // Sunday 29 November 2026, 23:30 local.
    const sunday = presets('2026-11-29T22:30:00Z');
    expect(isoWithOffset(sunday['next-monday'] as Date)).toBe('2026-11-30T09:00:00+01:00');
    expect(isoWithOffset(sunday.tomorrow as Date)).toBe('2026-11-30T09:00:00+01:00');
    expect(daysToNextMonday(new Date(2026, 10, 28))).toBe(2);
  });

  it('9:00 stays 9:00 across the spring and autumn clock changes', () => {
    // Saturday 28 March 2026, 22:00 local (UTC+1); the clocks go to UTC+2 that night.
    const spring = presets('2026-03-28T21:00:00Z');
    expect(isoWithOffset(spring.tomorrow as Date)).toBe('2026-03-29T09:00:00+02:00');
    expect(isoWithOffset(spring['next-monday'] as Date)).toBe('2026-03-30T09:00:00+02:00');
    // Saturday 24 October 2026, 22:00 local (UTC+2); back to UTC+1 that night.
    const autumn = presets('2026-10-24T20:00:00Z');
    expect(isoWithOffset(autumn.tomorrow as Date)).toBe('2026-10-25T09:00:00+01:00');
  });

  it('in 3 h across a clock change is three real hours, shown as the wall clock then reads', () => {
    // Sunday 29 March 2026, 00:30 local (UTC+1); at 02:00 it becomes 03:00.
    const later = presets('2026-03-28T23:30:00Z')['later-today'] as Date;
    expect(later.toISOString()).toBe('2026-03-29T02:30:00.000Z');
    expect(isoWithOffset(later)).toBe('2026-03-29T04:30:00+02:00');
  });

  it('works the same in another zone', () => {
    inZone('America/New_York');
    // Sunday 1 November 2026, 00:30 EDT; at 02:00 EDT it becomes 01:00 EST.
    const times = presets('2026-11-01T04:30:00Z');
    expect(isoWithOffset(times.tomorrow as Date)).toBe('2026-11-02T09:00:00-05:00');
    expect(isoWithOffset(times['next-monday'] as Date)).toBe('2026-11-02T09:00:00-05:00');
  });
});

describe('wake times as people read them', () => {
  beforeEach(() => inZone('Europe/Zagreb'));
  const now = new Date('2026-11-25T09:17:42Z');

  it('names the weekday within the week, the date further on, the year when not this one', () => {
    expect(formatWakeTime(new Date('2026-11-26T08:00:00Z'), now, 'en-GB')).toBe('Thu 09:00');
    expect(formatWakeTime(new Date('2026-11-25T12:05:00Z'), now, 'en-GB')).toBe('Wed 13:05');
    expect(formatWakeTime(new Date('2026-12-07T08:00:00Z'), now, 'en-GB')).toBe('Mon 7 Dec, 9:00');
    expect(formatWakeTime(new Date('2027-01-04T08:00:00Z'), now, 'en-GB')).toBe(
      'Mon, 4 Jan 2027, 9:00',
    );
  });

  it('follows the locale’s clock: 12-hour in the US, never mixed with 24', () => {
    expect(formatWakeTime(new Date('2026-11-25T12:05:00Z'), now, 'en-US')).toBe('Wed 1:05 PM');
    expect(formatWakeTime(new Date('2026-12-07T08:00:00Z'), now, 'en-US')).toBe(
      'Mon, Dec 7, 9:00 AM',
    );
  });
});

describe('a picked date and time', () => {
  beforeEach(() => inZone('Europe/Zagreb'));
  const now = new Date('2026-11-25T09:17:42Z');

  it('is read as local time', () => {
    const picked = parsePickedTime('2026-12-01T14:30', now);
    expect(picked.ok && isoWithOffset(picked.wakeAt)).toBe('2026-12-01T14:30:00+01:00');
    expect(toLocalInputValue(new Date('2026-12-01T13:30:00Z'))).toBe('2026-12-01T14:30');
  });

  it('says clearly what is wrong with a past, missing, impossible or too distant time', () => {
    expect(parsePickedTime('2026-11-25T10:00', now)).toEqual({
      ok: false,
      error: 'That time has passed: pick a time in the future.',
    });
    expect(parsePickedTime('', now)).toEqual({ ok: false, error: 'Enter a date and a time.' });
    expect(parsePickedTime('2026-02-30T10:00', now)).toEqual({
      ok: false,
      error: 'That date does not exist.',
    });
    expect(parsePickedTime('2028-01-01T10:00', now)).toEqual({
      ok: false,
      error: 'A notification can be snoozed for at most a year.',
    });
  });
});
