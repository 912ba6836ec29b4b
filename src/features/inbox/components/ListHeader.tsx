import { ListSkeleton, LoadMoreButton, SkippedNote } from '../../../components/ListStates.tsx';
import { Icon } from '../../../components/icons.tsx';
import { formatCount } from '../../../lib/formats.ts';
import type { useNotificationList } from '../api/use-notification-list.ts';
import type { ReadState } from '../model/filters.ts';

interface Props {
  /** The read-state filter (it filters what is loaded: docs/decisions/001-unread-only-filter.md). */
  read: ReadState | null;
  visibleCount: number;
  loadedCount: number;
  totalCount: number | null;
  newCount: number;
  onShowNew: () => void;
  onHelp: () => void;
}

/** Above the list: how many there are, the keyboard help, and "N new notifications" when more have arrived. */
export function ListHeader({
  read,
  visibleCount,
  loadedCount,
  totalCount,
  newCount,
  onShowNew,
  onHelp,
}: Props) {
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-xs text-slate-600 sm:px-4 dark:text-slate-400">
        <p data-testid="list-summary">
          {read
            ? `${formatCount(visibleCount)} ${read} of ${formatCount(loadedCount)} loaded${totalCount !== null ? ` (of ${formatCount(totalCount)})` : ''}`
            : totalCount !== null
              ? `${formatCount(totalCount)} notification${totalCount === 1 ? '' : 's'}`
              : `${formatCount(loadedCount)} loaded`}
        </p>
        <button
          type="button"
          className="keyboard-hint underline underline-offset-2"
          onClick={onHelp}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
      {newCount > 0 && (
        <div className="sticky top-2 z-20 flex justify-center">
          <button
            type="button"
            onClick={onShowNew}
            className="rounded-full bg-brand-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-brand-700"
          >
            {formatCount(newCount)} new notification{newCount === 1 ? '' : 's'}{' '}
            <Icon name="arrow-up" />
          </button>
        </div>
      )}
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
