import { Link } from 'react-router';
import { ThemeToggle } from '../../../components/ThemeToggle.tsx';
import type { InboxFilters } from '../model/filters.ts';
import { InboxNav } from './InboxNav.tsx';
import type { ReactNode } from 'react';

/** The title, the theme toggle and the views: the left column of every inbox page (the top on a phone). */
export function InboxSidebar({
  filters,
  children,
}: {
  filters: InboxFilters;
  /** Under the views: the saved views (the inbox page brings them, in its own lazy chunk). */
  children?: ReactNode;
}) {
  return (
    <aside className="sm:w-48 sm:shrink-0">
      {/* The theme toggle sits by the title: beside it on a phone, below it in the sidebar. */}
      <div className="flex items-center justify-between gap-2 px-4 pt-4 sm:block">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-100">
          Productive inbox
        </p>
        <div className="sm:-mx-2 sm:mt-2">
          <ThemeToggle />
        </div>
      </div>
      <InboxNav filters={filters} />
      {children}
      <p className="hidden px-5 pb-4 sm:block">
        <Link to="/settings" className="text-sm text-slate-600 underline dark:text-slate-400">
          Settings
        </Link>
      </p>
    </aside>
  );
}
