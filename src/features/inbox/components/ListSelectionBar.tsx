import type { InboxActions } from '../api/use-inbox-actions.ts';
import type { useViewMatching } from '../api/use-view-matching.ts';
import type { ReadState, ViewName } from '../model/filters.ts';
import type { SelectionEvent, SelectionState } from '../model/selection.ts';
import { LazySelectionBar } from './LazySelectionBar.tsx';

interface Props {
  view: ViewName;
  read: ReadState | null;
  /** The rows shown, in order (a folded group's are not). */
  ids: readonly string[];
  /** How many the list holds, folded groups' too. */
  listed: number;
  selection: SelectionState;
  dispatch: (event: SelectionEvent) => void;
  matching: ReturnType<typeof useViewMatching>;
  actions: InboxActions;
  /** The day of the rows at the top, shown in the bar once their heading has scrolled under it. */
  day: string | null;
  snoozeRequest: number;
}

/** A list's selection bar, from the list's selection and its "select all matching". */
export function ListSelectionBar({
  view,
  read,
  ids,
  listed,
  selection,
  dispatch,
  matching,
  actions,
  day,
  snoozeRequest,
}: Props) {
  const selected = [...selection.selected];
  return (
    <LazySelectionBar
      day={day}
      selected={selected}
      actions={actions}
      unreadSelectedCount={selected.filter((id) => !matching.isRead(id)).length}
      loadedCount={listed}
      totalCount={listed}
      inDismissedView={view === 'dismissed'}
      allLoadedSelected={listed > 0 && ids.every((id) => selection.selected.has(id))}
      onSelectAllLoaded={() => dispatch({ type: 'selectAll', ids })}
      onSelectAllMatching={read ? null : () => void matching.select()}
      matchingProgress={matching.progress}
      onClear={matching.clear}
      wholeInbox={view === 'inbox' && matching.isWholeInbox(selected.length)}
      snoozeRequest={snoozeRequest}
    />
  );
}
