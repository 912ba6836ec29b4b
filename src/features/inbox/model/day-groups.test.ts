import { describe, expect, it } from 'vitest';
import { aNotification } from '../../../testing/notification-factory.ts';
import { dayGroup, withDayHeaders } from './day-groups.ts';

// A Thursday.
const now = new Date(2026, 10, 19, 15, 0);
const at = (days: number, hour = 10) => new Date(2026, 10, 19 - days, hour).toISOString();

describe('day groups', () => {
  it('names today, yesterday, earlier this week, then dates', () => {
    expect(dayGroup(at(0), now)).toBe('Today');
    expect(dayGroup(at(1), now)).toBe('Yesterday');
    expect(dayGroup(at(3), now)).toBe('Earlier this week');
    expect(dayGroup(at(4), now)).toMatch(/Nov 15|15 Nov/);
    expect(dayGroup(new Date(2025, 0, 2).toISOString(), now)).toMatch(/2025/);
    expect(dayGroup(null, now)).toBe('No date');
  });

  it('puts one header before each day’s first row, keeping row positions', () => {
    const items = withDayHeaders(
      [
        aNotification({ lastActionAt: at(0, 12) }),
        aNotification({ lastActionAt: at(0, 9) }),
        aNotification({ lastActionAt: at(1) }),
      ],
      now,
    );
    expect(items.map((item) => (item.kind === 'header' ? item.label : item.position))).toEqual([
      'Today',
      1,
      2,
      'Yesterday',
      3,
    ]);
  });
});
