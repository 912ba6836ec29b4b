import { describe, expect, it, vi } from 'vitest';
import { listCommands, matchesCommand, registerCommands, type Command } from './commands.ts';

const command = (id: string, change: Partial<Command> = {}): Command => ({
  id,
  label: id,
  group: 'Actions',
  run: vi.fn(),
  ...change,
});

describe('the command registry', () => {
  it('lists what is registered, in order, until it is taken back', () => {
    const stopList = registerCommands([command('dismiss'), command('read')]);
    const stopViews = registerCommands([command('saved:1', { group: 'Saved views' })]);
    expect(listCommands().map((each) => each.id)).toEqual(['dismiss', 'read', 'saved:1']);
    stopList();
    expect(listCommands().map((each) => each.id)).toEqual(['saved:1']);
    stopViews();
    expect(listCommands()).toEqual([]);
  });

  it('finds a command by every word typed, in its group, label or keywords', () => {
    const snooze = command('snooze', {
      label: 'Snooze until Tomorrow 9:00',
      group: 'Snooze',
      keywords: 'later remind',
    });
    expect(matchesCommand(snooze, '')).toBe(true);
    expect(matchesCommand(snooze, 'tomorrow')).toBe(true);
    expect(matchesCommand(snooze, '  SNOOZE   tom ')).toBe(true);
    expect(matchesCommand(snooze, 'remind 9')).toBe(true);
    expect(matchesCommand(snooze, 'dismiss')).toBe(false);
    expect(matchesCommand(snooze, 'tomorrow monday')).toBe(false);
  });
});
