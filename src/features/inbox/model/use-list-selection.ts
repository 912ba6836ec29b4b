import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { EMPTY_SELECTION, selectionReducer, type SelectionEvent } from './selection.ts';

/**
 * The list's current row and selection over the ids shown. Rows that leave (dismissed, filtered) pass the focus
 * to the next row and leave the selection. `focusNonce` changes whenever focus should follow the current row (the
 * keyboard moved it, an undo brought a row back). The row callbacks keep their identity across list changes, so
 * an action re-renders only the rows it changes.
 */
export function useListSelection(ids: readonly string[], initialFocus: string | null) {
  const [selection, dispatch] = useReducer(selectionReducer, initialFocus, (id) =>
    id ? { ...EMPTY_SELECTION, focusedId: id } : EMPTY_SELECTION,
  );
  const [focusNonce, setFocusNonce] = useState(0);

  const previousIds = useRef(ids);
  useEffect(() => {
    if (previousIds.current === ids) return;
    dispatch({ type: 'sync', ids, previousIds: previousIds.current });
    previousIds.current = ids;
  }, [ids]);

  const latestIds = useRef(ids);
  useLayoutEffect(() => {
    latestIds.current = ids;
  });

  /** Makes a row the current one and moves focus to it. */
  const focusRow = useCallback((id: string) => {
    dispatch({ type: 'focus', id });
    setFocusNonce((nonce) => nonce + 1);
  }, []);
  const move = useCallback((delta: number) => {
    setFocusNonce((nonce) => nonce + 1);
    dispatch({ type: 'move', delta, ids: latestIds.current });
  }, []);
  const onToggle = useCallback(
    (id: string, range: boolean) =>
      dispatch(range ? { type: 'range', id, ids: latestIds.current } : { type: 'toggle', id }),
    [],
  );
  /** A row took focus (a click, Tab): it is the current row, and focus is where it is. */
  const onFocusRow = useCallback((id: string) => dispatch({ type: 'focus', id }), []);
  const send = useCallback((event: SelectionEvent) => dispatch(event), []);

  return { selection, focusNonce, focusRow, move, onToggle, onFocusRow, dispatch: send };
}
