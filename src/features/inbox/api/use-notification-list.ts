import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Notification, NotificationQuery } from '../../../api/notifications.ts';
import { useAutoPaging } from '../../../lib/use-auto-paging.ts';
import type { Grouping, ReadState } from '../model/filters.ts';
import { groupItems } from '../model/groups.ts';
import { targetTypeLabel } from '../components/TargetIcon.tsx';
import { useProjectName } from './use-projects.ts';
import { projectsOf } from '../../../replica/queries.ts';
import { currentReplica } from '../../../replica/store.ts';
import { projectIndex, searchableText, searchTerms } from '../../../replica/view.ts';
import { derivedOnce, viewOfRows } from './list-views.ts';
import type { ListItem } from '../model/day-groups.ts';
import { listCount } from '../model/list-count.ts';
import { notificationQueries } from './notification-queries.ts';
import { useSnoozedRows } from './use-snoozed-rows.ts';
import { useMutedRows } from '../../../lib/mutes.ts';

/** Each notification's searchable text, made once per version of it (the replica replaces changed ones). */
const searchTexts = new WeakMap<Notification, string>();
function searchTextOf(notification: Notification): string {
  let text = searchTexts.get(notification);
  if (text === undefined) {
    const replica = currentReplica();
    const project = replica ? projectsOf(replica)(notification) : null;
    text = searchableText(notification, project);
    searchTexts.set(notification, text);
  }
  return text;
}

/** How long one slice of preparing the search runs before it lets a keystroke in. */
const PREPARE_SLICE_MS = 4;
let preparing = false;

/**
 * Every held notification's searchable text made ahead of the first keystroke (the search box took focus), in
 * short slices between tasks: the first search of 20,000 then compares text instead of folding it.
 */
export function prepareSearch() {
  const replica = currentReplica();
  if (!replica || preparing) return;
  preparing = true;
  const rows = replica.all();
  let index = 0;
  const slice = () => {
    const until = performance.now() + PREPARE_SLICE_MS;
    while (index < rows.length && performance.now() < until)
      searchTextOf(rows[index++] as Notification);
    if (index < rows.length) setTimeout(slice, 0);
    else preparing = false;
  };
  setTimeout(slice, 0);
}

/** Whether a notification's searchable text is made already (tests). */
export const searchTextReady = (notification: Notification) => searchTexts.has(notification);

type Remembered<V> = { deps: readonly unknown[]; value: V }[];
/** Beside each view shown: its grouping, its rows by id; beside each grouping: its ids in order. */
const groupings = new WeakMap<readonly Notification[], Remembered<ListItem[]>>();
const rowsById = new WeakMap<readonly Notification[], Remembered<Map<string, Notification>>>();
const rowIds = new WeakMap<readonly ListItem[], Remembered<string[]>>();

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * A list's pages as one array, each notification once (its last copy, where it last stands): pages may overlap,
 * as when the server's first pages were shown before the replica was ready and the replica's whole view came as
 * the next page, or when new arrivals shifted the server's pages. A row twice would be two rows with one key.
 */
export function distinctRows(pages: readonly { notifications: Notification[] }[]): Notification[] {
  if (pages.length < 2) return pages[0]?.notifications ?? [];
  const rows = pages.flatMap((page) => page.notifications);
  const seen = new Set<string>();
  const last: Notification[] = [];
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index] as Notification;
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    last.push(row);
  }
  return last.length === rows.length ? rows : last.reverse();
}

/**
 * One inbox list's data: the view of the replica (src/replica/, the whole of it, one page), what is shown of it
 * (snoozed ones hidden, those back from snooze first, "unread only" and "read only" over all of it), grouped by day.
 * Those `kept` (open in the reading pane, opened from this list since it was entered: kept-rows.ts) stay shown
 * even once read, so reading one never pulls it away and `k` returns to it.
 */
export function useNotificationList(
  query: NotificationQuery,
  read: ReadState | null,
  kept: ReadonlySet<string> = NO_IDS,
  search = '',
  grouping: Grouping = 'day',
) {
  const list = useInfiniteQuery(notificationQueries.list(query));
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  const loaded = useMemo(() => distinctRows(data?.pages ?? []), [data]);
  // Snoozed ones hidden, those back from snooze first (docs/decisions/009).
  const snoozed = useSnoozedRows(query, loaded);
  // What arrived on a muted item hidden at once (docs/decisions/018).
  const unmuted = useMutedRows(query, snoozed.rows, kept);
  const terms = useMemo(() => searchTerms(search), [search]);
  const visible = useMemo(
    () => viewOfRows(unmuted, read, terms, kept, searchTextOf),
    [unmuted, read, kept, terms],
  );
  const projectName = useProjectName();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggleGroup = useCallback(
    (group: string) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(group)) next.add(group);
        return next;
      }),
    [],
  );
  // Worked out once per view shown (list-views.ts): going back to a filter, or clearing a search, reuses them.
  const items = useMemo(() => {
    const replica = currentReplica();
    const projectOf = replica ? projectsOf(replica) : null;
    return derivedOnce(
      groupings,
      visible,
      [grouping, projectOf, projectName, snoozed.backIds, collapsed],
      () =>
        groupItems(visible, grouping, {
          projectOf: projectOf ?? projectIndex(visible),
          projectName,
          typeLabel: targetTypeLabel,
          back: snoozed.backIds,
          collapsed,
        }),
    );
  }, [visible, grouping, projectName, snoozed.backIds, collapsed]);
  // The rows in the order shown (groups of a project or type gather rows from all over the list); folded ones out.
  const ids = useMemo(
    () =>
      derivedOnce(rowIds, items, [], () =>
        items.flatMap((item) => (item.kind === 'row' ? [item.notification.id] : [])),
      ),
    [items],
  );
  const byId = useMemo(
    () =>
      derivedOnce(
        rowsById,
        visible,
        [],
        () => new Map(visible.map((notification) => [notification.id, notification])),
      ),
    [visible],
  );
  const totalCount = data?.pages[0]?.totalCount ?? null;
  /** Records the API sent that could not be read (left out, see jsonapi.ts). */
  const skipped = useMemo(
    () => data?.pages.reduce((sum, page) => sum + (page.skipped ?? 0), 0) ?? 0,
    [data],
  );

  // A list of the server's own pages (no replica on this page) still pages as it scrolls.
  const { sentinel, loadNext } = useAutoPaging({
    hasNextPage,
    isFetchingNextPage,
    pageCount: data?.pages.length ?? 0,
    fetchNextPage,
  });

  return {
    terms,
    toggleGroup,
    list,
    loaded,
    count: listCount({
      shown: visible.length,
      loaded: loaded.length,
      hasNextPage,
      totalCount,
      narrowed: read !== null || terms.length > 0,
    }),
    visible,
    items,
    ids,
    byId,
    totalCount,
    skipped,
    backIds: snoozed.backIds,
    sentinel,
    loadNext,
  };
}
