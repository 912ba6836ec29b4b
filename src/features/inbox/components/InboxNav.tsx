import { snoozedAddress } from '../../../lib/addresses.ts';
import { NavLink } from 'react-router';
import { useInboxCounts } from '../api/use-inbox-counts.ts';
import { hrefFor, VIEW_NAMES, VIEWS, type InboxFilters, type ViewName } from '../model/filters.ts';

/** The views whose unread count the sidebar shows. */
const COUNTED: Partial<Record<ViewName, 'inbox' | 'important' | 'mentions'>> = {
  inbox: 'inbox',
  important: 'important',
  mentions: 'mentions',
};

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap ${
    isActive
      ? 'bg-brand-100 text-brand-700 dark:bg-brand-700 dark:text-white'
      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
  }`;

/** The four views (switching keeps the filters) with their true unread counts, and the snoozed notifications. */
export function InboxNav({ filters }: { filters: InboxFilters }) {
  const counts = useInboxCounts();
  return (
    <nav
      aria-label="Views"
      className="border-b border-slate-200 sm:border-r sm:border-b-0 dark:border-slate-800"
    >
      <ul className="flex gap-1 overflow-x-auto px-2 py-2 sm:flex-col sm:px-3 sm:py-4">
        {VIEW_NAMES.map((view) => {
          const counted = COUNTED[view];
          const count = counted ? (counts?.[counted] ?? null) : null;
          const countId = `unread-${view}`;
          return (
            // The count beside the link, not in its name: the link stays "Inbox"; the count describes it.
            <li key={view} className="relative" data-view={view}>
              <NavLink
                to={hrefFor(view, filters)}
                end
                className={linkClass}
                aria-describedby={count ? countId : undefined}
              >
                {VIEWS[view].label}
              </NavLink>
              <UnreadCount id={countId} count={count} />
            </li>
          );
        })}
        <li>
          <NavLink to={snoozedAddress()} end className={linkClass}>
            Snoozed
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

function UnreadCount({ id, count }: { id: string; count: number | null }) {
  if (!count) return null;
  return (
    <span
      id={id}
      className="pointer-events-none absolute top-1.5 right-2 text-xs font-semibold tabular-nums"
      data-testid="unread-count"
    >
      {count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
