// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useListSelection } from './use-list-selection.ts';

describe('useListSelection', () => {
  it('starts on the row it is given (back from a page, the pane open) and moves with the keys', () => {
    const { result } = renderHook(({ ids }) => useListSelection(ids, '2'), {
      initialProps: { ids: ['1', '2', '3'] },
    });
    expect(result.current.selection.focusedId).toBe('2');
    const nonce = result.current.focusNonce;
    act(() => result.current.move(1));
    expect(result.current.selection.focusedId).toBe('3');
    expect(result.current.focusNonce).toBe(nonce + 1);
    act(() => result.current.focusRow('1'));
    expect(result.current.selection.focusedId).toBe('1');
    expect(result.current.focusNonce).toBe(nonce + 2);
  });

  it('passes focus to the next row and forgets the selection of rows that leave', () => {
    const { result, rerender } = renderHook(({ ids }) => useListSelection(ids, null), {
      initialProps: { ids: ['1', '2', '3', '4'] },
    });
    act(() => result.current.onToggle('2', false));
    act(() => result.current.onToggle('4', true));
    expect([...result.current.selection.selected].sort()).toEqual(['2', '3', '4']);
    act(() => result.current.onFocusRow('2'));
    rerender({ ids: ['1', '3', '4'] });
    expect(result.current.selection.focusedId).toBe('3');
    expect([...result.current.selection.selected].sort()).toEqual(['3', '4']);
  });

  it('keeps its row callbacks across list changes, so rows do not re-render for them', () => {
    const { result, rerender } = renderHook(({ ids }) => useListSelection(ids, null), {
      initialProps: { ids: ['1', '2'] },
    });
    const { onToggle, onFocusRow, move, focusRow } = result.current;
    rerender({ ids: ['1', '2', '3'] });
    expect(result.current.onToggle).toBe(onToggle);
    expect(result.current.onFocusRow).toBe(onFocusRow);
    expect(result.current.move).toBe(move);
    expect(result.current.focusRow).toBe(focusRow);
    // …and they act on the newest ids: a range reaches the row that arrived.
    act(() => result.current.onToggle('1', false));
    act(() => result.current.onToggle('3', true));
    expect(result.current.selection.selected.size).toBe(3);
  });
});
