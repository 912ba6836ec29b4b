import { describe, expect, it } from 'vitest';
import { burstMessage, joinBurst, type Burst } from './toast-burst.ts';

const read = (id: string): Burst => ({ action: 'read', ids: [id], describe: `Task ${id}` });

describe('a burst of one action in one toast', () => {
  it('joins the same action taken again while its toast shows: "Marked 5 as read" stands for all five', () => {
    let burst: Burst | null = null;
    for (const id of ['1', '2', '3', '4', '5']) burst = joinBurst(burst, read(id));
    expect(burst?.ids).toEqual(['1', '2', '3', '4', '5']);
    expect(burstMessage(burst as Burst, undefined, 'en-US')).toBe('Marked 5 as read');
  });

  it('names the one notification while the burst is one, and counts with separators', () => {
    expect(burstMessage(read('1'))).toBe('Marked as read “Task 1”');
    const many = Array.from({ length: 1559 }, (_, index) => String(index));
    expect(burstMessage({ action: 'dismiss', ids: many }, undefined, 'en-US')).toBe(
      'Dismissed 1,559 notifications',
    );
    // The same one twice is still one.
    expect(joinBurst(read('1'), read('1'))).toEqual(read('1'));
  });

  it('starts afresh for another action, or a snooze until another time', () => {
    const dismiss: Burst = { action: 'dismiss', ids: ['2'], describe: 'Task 2' };
    expect(joinBurst(read('1'), dismiss)).toBe(dismiss);
    const tuesday: Burst = { action: 'snooze', ids: ['1'], wakeAt: '2026-12-08T09:00:00+01:00' };
    const wednesday: Burst = { action: 'snooze', ids: ['2'], wakeAt: '2026-12-09T09:00:00+01:00' };
    expect(joinBurst(tuesday, wednesday)).toBe(wednesday);
    const both = joinBurst(tuesday, { ...tuesday, ids: ['2'] });
    expect(burstMessage(both, 'Tue 9:00 AM', 'en-US')).toBe(
      'Snoozed 2 notifications until Tue 9:00 AM',
    );
  });
});
