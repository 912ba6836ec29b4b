import type { InboxActions } from '../api/use-inbox-actions.ts';
import {
  formatCount,
  SELECT_ALL_MATCHING_CAP,
  type MatchingProgress,
} from '../api/use-select-all-matching.ts';
import { SnoozeMenu } from './SnoozeMenu.tsx';
import { WriteActions } from '../../../components/WriteActions.tsx';
import { useEffect } from 'react';
import { BULK_THRESHOLD, prefetchBulkRunner } from '../bulk/use-bulk-action.ts';

interface Props {
  /** The day of the rows under the bar, once their own header has scrolled away. */
  day: string | null;
  /** The rows selected, which its buttons act on. */
  selected: string[];
  actions: InboxActions;
  /** Of the selected, how many "mark as read" would change (the unread ones, and any not loaded). */
  unreadSelectedCount: number;
  loadedCount: number;
  totalCount: number | null;
  inDismissedView: boolean;
  allLoadedSelected: boolean;
  onSelectAllLoaded: () => void;
  onSelectAllMatching: (() => void) | null;
  /** While "Select all N matching" fetches the ids: how far it has come. */
  matchingProgress?: MatchingProgress | null;
  onClear: () => void;
  /** The selection is the whole Inbox, unfiltered: dismissed in one request. */
  wholeInbox?: boolean;
  /** Opens the snooze menu when it changes (the `h` key with rows selected). */
  snoozeRequest?: number;
}

const plural = (count: number) => `${formatCount(count)} notification${count === 1 ? '' : 's'}`;
const button =
  'rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** Selection and bulk actions, with the count spelled out on each button. */
export function SelectionBar(props: Props) {
  const { selected, actions, loadedCount, totalCount, inDismissedView, allLoadedSelected } = props;
  const selectedCount = selected.length;
  // A selection that would run as a bulk action: its runner is downloaded now, so that starting it waits for nothing.
  const bulkSized = selectedCount > BULK_THRESHOLD;
  useEffect(() => {
    if (bulkSized) prefetchBulkRunner();
  }, [bulkSized]);
  return (
    <div
      data-sticky-bar
      className="sticky top-(--list-top) z-10 flex min-h-9 flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-1 text-sm sm:px-4 dark:border-slate-800 dark:bg-slate-950"
    >
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={allLoadedSelected && loadedCount > 0}
          onChange={() => (allLoadedSelected ? props.onClear() : props.onSelectAllLoaded())}
        />
        <span>
          {selectedCount > 0
            ? `${formatCount(selectedCount)} selected`
            : `Select all ${formatCount(loadedCount)} listed`}
        </span>
      </label>
      {selectedCount > 0 && (
        <>
          <WriteActions>
            {props.unreadSelectedCount > 0 ? (
              <button type="button" className={button} onClick={() => actions.read(selected)}>
                Mark {plural(props.unreadSelectedCount)} as read
              </button>
            ) : (
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {selectedCount === 1
                  ? 'Already read'
                  : `All ${formatCount(selectedCount)} already read`}
              </span>
            )}
            {props.wholeInbox && !inDismissedView ? (
              <button
                type="button"
                className={button}
                onClick={() => actions.dismiss(selected, { wholeInbox: true })}
              >
                Dismiss all {plural(selectedCount)} of your Inbox in one request
              </button>
            ) : (
              <button
                type="button"
                className={button}
                onClick={() => (inDismissedView ? actions.restore : actions.dismiss)(selected)}
              >
                {inDismissedView ? 'Restore' : 'Dismiss'} {plural(selectedCount)}
              </button>
            )}
            {!inDismissedView && (
              <SnoozeMenu
                label={`Snooze ${plural(selectedCount)}`}
                onSnooze={(wakeAt) => actions.snooze(selected, wakeAt)}
                openRequest={props.snoozeRequest}
                className={button}
              >
                Snooze {plural(selectedCount)}
              </SnoozeMenu>
            )}
          </WriteActions>
          {props.matchingProgress ? (
            <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
              Selecting… {formatCount(props.matchingProgress.loaded)}
              {props.matchingProgress.total !== null &&
                ` of ${formatCount(props.matchingProgress.total)}`}
            </span>
          ) : (
            props.onSelectAllMatching &&
            totalCount !== null &&
            Math.min(totalCount, SELECT_ALL_MATCHING_CAP) > selectedCount && (
              <button type="button" className={button} onClick={props.onSelectAllMatching}>
                {totalCount > SELECT_ALL_MATCHING_CAP
                  ? `Select the first ${formatCount(SELECT_ALL_MATCHING_CAP)} of ${formatCount(totalCount)} matching`
                  : `Select all ${formatCount(totalCount)} matching`}
              </button>
            )
          )}
          <button
            type="button"
            className="px-1 text-xs font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
            onClick={props.onClear}
          >
            Clear selection
          </button>
        </>
      )}
      {props.day && (
        <span
          aria-hidden="true"
          data-testid="sticky-day"
          className="ml-auto text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300"
        >
          {props.day}
        </span>
      )}
    </div>
  );
}
