import { describe, expect, it } from 'vitest';
import type { Snooze } from '../../../api/snoozes.ts';
import { applyToSnoozes } from './snooze-queries.ts';

const snooze = (id: string, overrides: Partial<Snooze> = {}): Snooze => ({
  id,
  state: 'scheduled',
  wakeAt: '2026-11-26T08:00:00.000Z',
  snoozedAt: '2026-11-25T08:00:00.000Z',
  wokenAt: null,
  newActivityCount: 0,
  ...overrides,
});
const now = new Date('2026-11-25T10:00:00.000Z');
const summary = (list: Snooze[]) => list.map(({ id, state, wakeAt }) => `${id}:${state}:${wakeAt}`);

describe('the cached snooze list, changed at once by an action', () => {
  it('a snooze schedules each notification (again, if it was snoozed or back), soonest first', () => {
    const before = [
      snooze('1', { wakeAt: '2026-11-27T08:00:00.000Z' }),
      snooze('2', { state: 'woken', wokenAt: '2026-11-25T09:00:00.000Z' }),
    ];
    const after = applyToSnoozes(before, ['2', '3'], 'snooze', '2026-11-26T09:00:00+01:00', now);
    expect(summary(after)).toEqual([
      '2:scheduled:2026-11-26T08:00:00.000Z',
      '3:scheduled:2026-11-26T08:00:00.000Z',
      '1:scheduled:2026-11-27T08:00:00.000Z',
    ]);
  });

  it('undo drops it, wake now marks it back first, and other actions change nothing', () => {
    const before = [snooze('1'), snooze('2', { wakeAt: '2026-11-28T08:00:00.000Z' })];
    expect(summary(applyToSnoozes(before, ['1'], 'unsnooze', undefined, now))).toEqual([
      '2:scheduled:2026-11-28T08:00:00.000Z',
    ]);
    const woken = applyToSnoozes(before, ['2'], 'wake', undefined, now);
    expect(woken.map(({ id, state, wokenAt }) => [id, state, wokenAt])).toEqual([
      ['2', 'woken', now.toISOString()],
      ['1', 'scheduled', null],
    ]);
    expect(applyToSnoozes(before, ['1'], 'dismiss', undefined, now)).toEqual(before);
  });
});
