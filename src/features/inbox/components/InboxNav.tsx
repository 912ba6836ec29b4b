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

/**
 * The four views (switching keeps the filters), and the snoozed notifications. On a phone the tabs scroll
 * sideways, and their right edge fades to say so.
 */
export function InboxNav({ filters }: { filters: InboxFilters }) {
  const counts = useInboxCounts();
  return (
    <nav aria-label="Views" className="min-w-0 flex-1 sm:order-3 sm:flex-none">
      <ul className="nav-tabs flex gap-1 overflow-x-auto px-2 py-1.5 sm:flex-col sm:overflow-visible sm:px-3 sm:py-3">
        {VIEW_NAMES.map((view) => {
          const counted = COUNTED[view];
          const count = counted ? (counts?.[counted] ?? null) : null;
          const countId = `unread-${view}`;
          return (
            // The count beside the link, not in its name: the link stays "Inbox"; the count describes it.
            <li key={view} className="relative flex items-center sm:block" data-view={view}>
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
        <li className="pr-6 sm:pr-0">
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
      className="pointer-events-none pr-2 text-xs font-semibold tabular-nums sm:absolute sm:top-1.5 sm:right-2 sm:pr-0"
      data-testid="unread-count"
    >
      {count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
