/** The list's one "current item" and its selection, as a pure state machine over the visible ids. */
export interface SelectionState {
  focusedId: string | null;
  selected: ReadonlySet<string>;
  /** Where a Shift+x range starts: the last row toggled on its own. */
  anchorId: string | null;
}

export const EMPTY_SELECTION: SelectionState = {
  focusedId: null,
  selected: new Set(),
  anchorId: null,
};

export type SelectionEvent =
  | { type: 'move'; delta: number; ids: readonly string[] }
  | { type: 'focus'; id: string }
  | { type: 'toggle'; id: string }
  | { type: 'range'; id: string; ids: readonly string[] }
  | { type: 'selectAll'; ids: readonly string[] }
  | { type: 'clear' }
  /** Rows left the list (dismissed, filtered): focus moves to the next remaining row, selection forgets them. */
  | { type: 'sync'; ids: readonly string[]; previousIds: readonly string[] };

export function selectionReducer(state: SelectionState, event: SelectionEvent): SelectionState {
  switch (event.type) {
    case 'move': {
      if (event.ids.length === 0) return state;
      const index = state.focusedId === null ? -1 : event.ids.indexOf(state.focusedId);
      const next =
        index === -1
          ? event.delta > 0
            ? 0
            : event.ids.length - 1
          : Math.min(event.ids.length - 1, Math.max(0, index + event.delta));
      return { ...state, focusedId: event.ids[next] ?? null };
    }
    case 'focus':
      return state.focusedId === event.id ? state : { ...state, focusedId: event.id };
    case 'toggle': {
      const selected = new Set(state.selected);
      if (selected.has(event.id)) selected.delete(event.id);
      else selected.add(event.id);
      return { ...state, selected, anchorId: event.id, focusedId: event.id };
    }
    case 'range': {
      const from = state.anchorId === null ? -1 : event.ids.indexOf(state.anchorId);
      const to = event.ids.indexOf(event.id);
      if (to === -1) return state;
      const [start, end] = from === -1 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
      const selected = new Set(state.selected);
      for (const id of event.ids.slice(start, end + 1)) selected.add(id);
      return { ...state, selected, focusedId: event.id };
    }
    case 'selectAll':
      return { ...state, selected: new Set(event.ids) };
    case 'clear':
      return state.selected.size === 0 && state.anchorId === null
        ? state
        : { ...state, selected: new Set(), anchorId: null };
    case 'sync': {
      const present = new Set(event.ids);
      let focusedId = state.focusedId;
      if (focusedId !== null && !present.has(focusedId)) {
        // The next row after the one that left, else the one before it.
        const oldIndex = event.previousIds.indexOf(focusedId);
        const after = event.previousIds.slice(oldIndex + 1).find((id) => present.has(id));
        const before = [...event.previousIds.slice(0, Math.max(0, oldIndex))]
          .reverse()
          .find((id) => present.has(id));
        focusedId = after ?? before ?? null;
      }
      const selected = [...state.selected].filter((id) => present.has(id));
      if (focusedId === state.focusedId && selected.length === state.selected.size) return state;
      return { ...state, focusedId, selected: new Set(selected) };
    }
  }
}

/** An action with nothing selected applies to the focused row. */
export function actionTargets(state: SelectionState): string[] {
  if (state.selected.size > 0) return [...state.selected];
  return state.focusedId === null ? [] : [state.focusedId];
}
