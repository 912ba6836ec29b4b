import { snoozedAddress } from '../../../lib/addresses.ts';
import { NavLink } from 'react-router';
import { hrefFor, VIEW_NAMES, VIEWS, type InboxFilters } from '../model/filters.ts';

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
  return (
    <nav aria-label="Views" className="min-w-0 flex-1 sm:order-3 sm:flex-none">
      <ul className="nav-tabs flex gap-1 overflow-x-auto px-2 py-1.5 sm:flex-col sm:overflow-visible sm:px-3 sm:py-3">
        {VIEW_NAMES.map((view) => (
          <li key={view}>
            <NavLink to={hrefFor(view, filters)} end className={linkClass}>
              {VIEWS[view].label}
            </NavLink>
          </li>
        ))}
        <li className="pr-6 sm:pr-0">
          <NavLink to={snoozedAddress()} end className={linkClass}>
            Snoozed
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
