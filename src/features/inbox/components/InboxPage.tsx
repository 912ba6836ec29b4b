import { useEffect } from 'react';
import { lazyPage } from '../../../components/LazyPage.tsx';
import { setAppBadge } from '../../../lib/app-badge.ts';
import { useInboxCounts } from '../api/use-inbox-counts.ts';
import { useTabSync } from '../api/use-tab-sync.ts';
import { useInboxFilters } from '../api/use-inbox-filters.ts';
import { useSearchDraft } from '../api/use-search-draft.ts';
import { useFiltersAhead } from '../api/use-filters-ahead.ts';
import { prepareSearch } from '../api/use-notification-list.ts';
import {
  applicableFilters,
  hasFilters,
  hrefFor,
  toNotificationQuery,
  VIEWS,
  type InboxFilters,
  type ViewName,
} from '../model/filters.ts';
import { InboxSidebar } from './InboxSidebar.tsx';

import { NotificationList } from './NotificationList.tsx';
import { SearchBox } from './SearchBox.tsx';
import { useKnownProjectIds, useProjectName } from '../api/use-projects.ts';
import { targetTypeLabel } from './TargetIcon.tsx';
import { useFilterCommands } from './use-filter-commands.ts';
import { useListTop } from './use-list-top.ts';
import { useBulkRuns } from '../bulk/bulk-runs.ts';

// The filter bar is not needed to paint the first rows: its code is fetched as soon as this module runs, beside
// the first list request (which takes longer), and shows in a placeholder of its height until then.
const loadFilterBar = () => import('./FilterBar.tsx').then((module) => module.FilterBar);
const filterBarLoading = loadFilterBar();
filterBarLoading.catch(() => {});
const FilterBar = lazyPage(() => filterBarLoading.catch(loadFilterBar), {
  part: true,
  fallback: (
    <div
      aria-busy="true"
      aria-label="Loading the filters"
      role="search"
      className="border-b border-slate-200 px-3 py-1.5 sm:px-4 dark:border-slate-800"
    >
      <span className="filter-control invisible inline-block">Filters</span>
    </div>
  ),
});

// "Save view" and the saved views in the sidebar: not needed to paint the first rows, each in a chunk of its own
// imported from here only (so they share this page's modules instead of splitting them off).
const SaveViewButton = lazyPage(
  () => import('./SavedViewsNav.tsx').then((module) => module.SaveViewButton),
  { part: true, fallback: <span className="inline-block h-6 w-20" aria-hidden="true" /> },
);
const SavedViewsNav = lazyPage(
  () => import('./SavedViewsNav.tsx').then((module) => module.SavedViewsNav),
  { part: true, fallback: null },
);

// The progress of bulk actions: its code downloads when one first runs in this tab (or is resumed at start).
const BulkProgress = lazyPage(
  () => import('./BulkProgress.tsx').then((module) => module.BulkProgress),
  { part: true, fallback: null },
);

// Shown only for an address with parameters it ignored: its own chunk.
const IgnoredNotice = lazyPage(
  () => import('../../../components/IgnoredNotice.tsx').then((module) => module.IgnoredNotice),
  { part: true, fallback: null },
);

let badgeShown = false;

const EMPTY_VIEW: Record<ViewName, string> = {
  inbox: 'You are all caught up',
  important: 'Nothing important',
  mentions: 'No mentions',
  dismissed: 'Nothing dismissed',
};

function emptyTitle(
  view: ViewName,
  filters: InboxFilters,
  projectName: (id: number) => string,
): string {
  if (!hasFilters(filters)) return EMPTY_VIEW[view];
  if (filters.search.trim()) return `Nothing matches “${filters.search.trim()}”`;
  const type =
    filters.types.length === 1
      ? `${targetTypeLabel(filters.types[0] as string).toLowerCase()} `
      : '';
  const place =
    filters.projectIds.length === 1 ? ` in ${projectName(filters.projectIds[0] as number)}` : '';
  return `No ${type}notifications${place} match these filters`;
}

/** The Inbox's exact unread count, from the replica (none while the first sync runs, nor when it is 0). */
function useInboxUnreadLabel(): string | null {
  const unread = useInboxCounts()?.inbox ?? null;
  return unread ? String(unread) : null;
}

export function InboxPage({ view }: { view: ViewName }) {
  const parsed = useInboxFilters();
  const { setFilters } = parsed;
  // A change of filters is painted first, the address follows in the next frame.
  const [shown, changeFilters] = useFiltersAhead(parsed.filters, setFilters);
  const projectName = useProjectName();
  // What the list is filtered by, exactly: the chips, the query and the links all use these.
  const applicable = applicableFilters(view, shown, useKnownProjectIds(shown.projectIds));
  // The search as typed: the list follows each keystroke at once, the address once typing pauses.
  const [search, setSearch] = useSearchDraft(applicable.filters.search, (typed) =>
    setFilters({ ...applicable.filters, search: typed }, { replace: true }),
  );
  const filters = { ...applicable.filters, search };
  const ignored = [...parsed.ignored, ...applicable.ignored];
  const unread = useInboxUnreadLabel();
  const query = toNotificationQuery(view, filters);

  useEffect(() => {
    document.title = `${view === 'inbox' && unread ? `(${unread}) ` : ''}${VIEWS[view].label}`;
    // The installed app's icon shows the number ("50" for "50+"), where the browser has a badge.
    setAppBadge(unread ? Number.parseInt(unread, 10) : null);
    // The badge is drawn by code of its own, fetched the first time there is a count to show.
    if (unread || badgeShown) {
      badgeShown = unread !== null;
      void import('../../../lib/favicon-badge.ts')
        .then((module) => module.setFaviconBadge(unread))
        .catch(() => {});
    }
  }, [unread, view]);
  useTabSync();
  useFilterCommands(view, filters);
  // The frame stays put: the page is as wide with the reading pane as without, the sidebar sticks, and the title
  // and filters stick above the list (from 640 px), so opening or closing the pane moves nothing else.
  const listTop = useListTop<HTMLDivElement>();
  const bulkRunning = useBulkRuns().length > 0;

  return (
    <div className="flex min-h-screen flex-col sm:flex-row">
      <InboxSidebar filters={filters}>
        <SavedViewsNav />
      </InboxSidebar>
      <main className="min-w-0 flex-1">
        <div
          ref={listTop}
          data-list-top
          className="z-20 bg-white sm:sticky sm:top-0 dark:bg-slate-950"
        >
          <div className="flex items-center justify-between gap-2 sm:px-4">
            <h1 className="sr-only px-3 pt-2 text-lg leading-6 font-semibold sm:not-sr-only sm:block sm:px-0">
              {VIEWS[view].label}
            </h1>
            <SearchBox
              search={filters.search}
              onChange={setSearch}
              onFocus={prepareSearch}
              group={filters.group}
              onGroupChange={(group) => changeFilters({ ...filters, group })}
            />
            <SaveViewButton />
          </div>
          {ignored.length > 0 && (
            <IgnoredNotice ignored={ignored} cleanHref={hrefFor(view, filters)} />
          )}
          <FilterBar view={view} filters={filters} onChange={changeFilters} />
          {bulkRunning && <BulkProgress />}
        </div>
        <NotificationList
          view={view}
          query={query}
          read={filters.read}
          search={filters.search}
          group={filters.group}
          emptyTitle={emptyTitle(view, filters, projectName)}
          inboxViewHref={hrefFor('inbox', filters)}
        />
      </main>
    </div>
  );
}
