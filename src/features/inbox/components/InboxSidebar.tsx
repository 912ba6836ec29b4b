import { Link } from 'react-router';
import { Icon } from '../../../components/icons.tsx';
import { ThemeToggle } from '../../../components/ThemeToggle.tsx';
import { settingsAddress } from '../../../lib/addresses.ts';
import { openCommandPalette } from '../../../lib/commands.ts';
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
    <aside
      data-testid="inbox-sidebar"
      className="flex items-center border-b border-slate-200 sm:sticky sm:top-0 sm:h-screen sm:w-48 sm:shrink-0 sm:flex-col sm:items-stretch sm:overflow-y-auto sm:border-r sm:border-b-0 dark:border-slate-800"
    >
      <p className="hidden px-4 pt-4 text-sm sm:order-1 font-semibold tracking-wide text-brand-700 uppercase sm:block dark:text-brand-100">
        Productive inbox
      </p>
      <InboxNav filters={filters} />
      <div className="sm:order-4">{children}</div>
      <div className="flex shrink-0 flex-wrap items-center gap-1 pr-1 sm:order-2 sm:px-2 sm:pt-1">
        <ThemeToggle />
        <Link
          to={settingsAddress()}
          className="hidden rounded-md px-2 py-1 text-xs font-medium sm:inline text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Settings
        </Link>
        <button
          type="button"
          onClick={openCommandPalette}
          aria-keyshortcuts="Control+K Meta+K"
          className="inline-flex min-h-6 min-w-6 items-center justify-center rounded-md px-1 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 sm:px-2 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          {/* On a phone's one line, an icon; named on screen in the sidebar. */}
          <Icon name="search" className="size-4 sm:hidden" />
          <span className="sr-only sm:not-sr-only">Commands</span>
        </button>
      </div>
    </aside>
  );
}
