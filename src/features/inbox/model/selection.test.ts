import { describe, expect, it } from 'vitest';
import {
  actionTargets,
  EMPTY_SELECTION,
  selectionReducer,
  type SelectionEvent,
  type SelectionState,
} from './selection.ts';

const ids = ['a', 'b', 'c', 'd', 'e'];
const run = (...events: SelectionEvent[]) =>
  events.reduce<SelectionState>(selectionReducer, EMPTY_SELECTION);

describe('the selection model', () => {
  it('moves focus down and up, stopping at the ends', () => {
    expect(run({ type: 'move', delta: 1, ids }).focusedId).toBe('a');
    expect(run({ type: 'move', delta: -1, ids }).focusedId).toBe('e');
    expect(
      run(
        { type: 'focus', id: 'd' },
        { type: 'move', delta: 1, ids },
        { type: 'move', delta: 1, ids },
      ).focusedId,
    ).toBe('e');
    expect(run({ type: 'focus', id: 'b' }, { type: 'move', delta: -5, ids }).focusedId).toBe('a');
    expect(run({ type: 'move', delta: 1, ids: [] })).toBe(EMPTY_SELECTION);
  });

  it('toggles rows, selecting a range from the last toggled row with Shift', () => {
    const state = run({ type: 'toggle', id: 'b' }, { type: 'range', id: 'd', ids });
    expect([...state.selected]).toEqual(['b', 'c', 'd']);
    expect(state.focusedId).toBe('d');
    expect([...run({ type: 'toggle', id: 'b' }, { type: 'toggle', id: 'b' }).selected]).toEqual([]);
    expect(
      [...run({ type: 'toggle', id: 'd' }, { type: 'range', id: 'b', ids }).selected].sort(),
    ).toEqual(['b', 'c', 'd']);
  });

  it('selects all loaded and clears', () => {
    expect(run({ type: 'selectAll', ids }).selected.size).toBe(5);
    expect(run({ type: 'selectAll', ids }, { type: 'clear' }).selected.size).toBe(0);
  });

  it('an action applies to the selection, else to the focused row', () => {
    expect(actionTargets(run({ type: 'focus', id: 'c' }))).toEqual(['c']);
    expect(
      actionTargets(
        run({ type: 'focus', id: 'c' }, { type: 'toggle', id: 'a' }, { type: 'toggle', id: 'e' }),
      ),
    ).toEqual(['a', 'e']);
    expect(actionTargets(EMPTY_SELECTION)).toEqual([]);
  });

  it('after rows leave, focus moves to the next row and the selection forgets them', () => {
    const state = run(
      { type: 'focus', id: 'b' },
      { type: 'toggle', id: 'c' },
      { type: 'focus', id: 'b' },
    );
    const next = selectionReducer(state, { type: 'sync', ids: ['a', 'd', 'e'], previousIds: ids });
    expect(next.focusedId).toBe('d');
    expect(next.selected.size).toBe(0);
    const last = selectionReducer(run({ type: 'focus', id: 'e' }), {
      type: 'sync',
      ids: ['a', 'b'],
      previousIds: ids,
    });
    expect(last.focusedId).toBe('b');
    expect(selectionReducer(last, { type: 'sync', ids: ['a', 'b'], previousIds: ['a', 'b'] })).toBe(
      last,
    );
  });
});
