import { describe, expect, it, vi } from 'vitest';
import { placeCommands, taskCommand } from './place-commands.ts';

describe('places in the palette', () => {
  it('"go to task #…" from a task’s number, however it is typed', () => {
    const navigate = vi.fn();
    for (const typed of ['123', '#123', ' task 123 ', 'Task #123']) {
      const command = taskCommand(typed, navigate);
      expect(command?.label, typed).toBe('Go to task #123');
      command?.run();
    }
    expect(navigate).toHaveBeenCalledTimes(4);
    expect(navigate).toHaveBeenLastCalledWith('/tasks/123');
    for (const typed of ['', '#', '0123', 'task', '12a', '1234567890123456', 'inbox'])
      expect(taskCommand(typed, navigate), typed).toBeNull();
  });

  it('every view, Snoozed and Settings', () => {
    const navigate = vi.fn();
    const places = placeCommands(navigate);
    expect(places.map((place) => place.label)).toEqual([
      'Inbox',
      'Important',
      'Mentions',
      'Dismissed',
      'Snoozed',
      'Settings',
    ]);
    places.at(-1)?.run();
    expect(navigate).toHaveBeenCalledWith('/settings');
  });
});
