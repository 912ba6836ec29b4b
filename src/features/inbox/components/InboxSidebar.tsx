import { Link } from 'react-router';
import { ThemeToggle } from '../../../components/ThemeToggle.tsx';
import { settingsAddress } from '../../../lib/addresses.ts';
import { openCommandPalette } from '../../../lib/commands.ts';
import type { InboxFilters } from '../model/filters.ts';
import { InboxNav } from './InboxNav.tsx';

/** The title, the theme toggle, Settings and the views: the left column of every inbox page (the top on a phone). */
export function InboxSidebar({ filters }: { filters: InboxFilters }) {
  return (
    <aside className="sm:w-48 sm:shrink-0">
      {/* The theme toggle sits by the title: beside it on a phone, below it in the sidebar. */}
      <div className="flex items-center justify-between gap-2 px-4 pt-4 sm:block">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-100">
          Productive inbox
        </p>
        <div className="flex items-center gap-1 sm:-mx-2 sm:mt-2">
          <ThemeToggle />
          <Link
            to={settingsAddress()}
            className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Settings
          </Link>
          <button
            type="button"
            onClick={openCommandPalette}
            aria-keyshortcuts="Control+K Meta+K"
            className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Commands
          </button>
        </div>
      </div>
      <InboxNav filters={filters} />
    </aside>
  );
}
