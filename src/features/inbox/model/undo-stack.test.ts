import { describe, expect, it } from 'vitest';
import { hasUndo, INVERSE, popUndo, pushUndo, removeUndo, UNDO_WINDOW_MS } from './undo-stack.ts';

const entry = (key: number, at: number) => ({
  key,
  action: 'dismiss' as const,
  ids: [String(key)],
  expiresAt: at + UNDO_WINDOW_MS,
});

describe('the undo stack', () => {
  it('undoes the newest action first', () => {
    const stack = pushUndo(pushUndo([], entry(1, 0), 0), entry(2, 10), 10);
    const { entry: last, rest } = popUndo(stack, 20);
    expect(last?.key).toBe(2);
    expect(popUndo(rest, 30).entry?.key).toBe(1);
  });

  it('forgets actions once the undo window has passed', () => {
    const stack = pushUndo([], entry(1, 0), 0);
    expect(popUndo(stack, UNDO_WINDOW_MS + 1).entry).toBeNull();
    expect(pushUndo(stack, entry(2, 9000), 9000).map((item) => item.key)).toEqual([2]);
  });

  it('drops an entry undone from its toast', () => {
    expect(removeUndo([entry(1, 0), entry(2, 0)], 1).map((item) => item.key)).toEqual([2]);
  });

  it('knows each action’s inverse; read has none in the API and is cancelled instead', () => {
    expect(INVERSE).toEqual({
      dismiss: 'undismiss',
      undismiss: 'dismiss',
      read: 'cancel',
      // A snooze is undone by dropping it; an undo and waking now have no undo.
      snooze: 'unsnooze',
      unsnooze: null,
      wake: null,
    });
  });
});

describe('the undo stack, once an action’s window has passed', () => {
  it('names that action once, so that “nothing to undo” can say why', () => {
    const stack = pushUndo([], { ...entry(1, 0), action: 'read' }, 0);
    const first = popUndo(stack, UNDO_WINDOW_MS + 1);
    expect(first.entry).toBeNull();
    expect(first.expired?.action).toBe('read');
    expect(popUndo(first.rest, UNDO_WINDOW_MS + 2)).toEqual({
      entry: null,
      expired: null,
      rest: [],
    });
  });

  it('knows whether an entry can still be undone (used once, by its toast or by a key)', () => {
    const stack = pushUndo([], entry(1, 0), 0);
    expect(hasUndo(stack, 1)).toBe(true);
    expect(hasUndo(removeUndo(stack, 1), 1)).toBe(false);
  });
});
