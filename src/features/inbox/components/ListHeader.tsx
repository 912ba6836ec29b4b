import { ListSkeleton, LoadMoreButton, SkippedNote } from '../../../components/ListStates.tsx';
import type { InboxCounts } from '../../../replica/queries.ts';
import { syncingLabel } from '../api/use-inbox-counts.ts';
import { formatCount } from '../../../lib/formats.ts';
import type { useNotificationList } from '../api/use-notification-list.ts';
import type { ReadState } from '../model/filters.ts';

interface Props {
  read: ReadState | null;
  /** How many the view lists (the whole replica, filtered; or the server's total for a list still paging). */
  visibleCount: number;
  /** The count is what is loaded so far, and there are more: said as "50+". */
  atLeast?: boolean;
  /** While the first sync runs: what it has read so far (then no count is given: it would be partial). */
  syncing: InboxCounts['syncing'];
  onHelp: () => void;
}

const plural = (count: number, noun: string, atLeast = false) =>
  `${formatCount(count)}${atLeast ? '+' : ''} ${noun}${count === 1 && !atLeast ? '' : 's'}`;

/** Above the list: how many there are (or how far the first sync is), and the keyboard help. */
export function ListHeader({ read, visibleCount, atLeast = false, syncing, onHelp }: Props) {
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-1 text-xs text-slate-600 sm:px-4 dark:text-slate-400">
        <p data-testid="list-summary" aria-live="polite">
          {syncing
            ? syncingLabel(syncing)
            : read
              ? plural(visibleCount, `${read} notification`, atLeast)
              : plural(visibleCount, 'notification', atLeast)}
        </p>
        <button
          type="button"
          className="keyboard-hint underline underline-offset-2"
          onClick={onHelp}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
    </>
  );
}

/**
 * Below the rows: what could not be shown, the sentinel that loads the next page as it comes into view, and the
 * next page's skeleton or its button.
 */
export function ListFooter({ list }: { list: ReturnType<typeof useNotificationList> }) {
  const { skipped, sentinel, loadNext } = list;
  const { hasNextPage, isFetchingNextPage } = list.list;
  return (
    <>
      <SkippedNote count={skipped} noun="notification" />
      <div ref={sentinel} />
      {isFetchingNextPage && <ListSkeleton rows={3} />}
      {hasNextPage && !isFetchingNextPage && (
        <LoadMoreButton label="Load more" onClick={loadNext} />
      )}
    </>
  );
}
