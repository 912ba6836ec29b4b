import { describe, expect, it, vi } from 'vitest';
import {
  commandFit,
  listCommands,
  matchesCommand,
  registerCommands,
  type Command,
} from './commands.ts';

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

  it('ranks the label typed first, then one starting with it, one holding every word, then keywords', () => {
    const inbox = command('inbox', { label: 'Inbox', group: 'Go to', keywords: 'view open' });
    const open = command('open', { label: 'Open' });
    expect(commandFit(open, 'open')).toBe(0);
    expect(commandFit(command('d', { label: 'Dismissed' }), 'dismiss')).toBe(1);
    expect(commandFit(command('x', { label: 'Snooze until Tomorrow' }), 'tomorrow snooze')).toBe(2);
    expect(commandFit(inbox, 'open')).toBe(3);
    expect(commandFit(inbox, '')).toBe(0);
  });
});
