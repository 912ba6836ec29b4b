import { useId, useState } from 'react';
import { Icon } from '../../../components/icons.tsx';
import {
  hasFilters,
  NO_FILTERS,
  TARGET_TYPES,
  type InboxFilters,
  type ViewName,
} from '../model/filters.ts';
import { useProjectName } from '../api/use-projects.ts';
import { formatDate } from '../../../lib/dates.ts';
import { DateFilter } from './DateFilter.tsx';
import { ProjectPicker } from './ProjectPicker.tsx';
import { targetTypeLabel } from './TargetIcon.tsx';

interface Props {
  view: ViewName;
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
}

/** Every filter of the inbox, each one click to clear, all of them one click to clear. */
export function FilterBar({ view, filters, onChange }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const projectName = useProjectName();
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  const chips: { label: string; clear: () => void }[] = [
    ...filters.projectIds.map((projectId) => ({
      label: `Project: ${projectName(projectId)}`,
      clear: () => set({ projectIds: filters.projectIds.filter((value) => value !== projectId) }),
    })),
    ...filters.types.map((type) => ({
      label: `Type: ${targetTypeLabel(type)}`,
      clear: () => set({ types: filters.types.filter((value) => value !== type) }),
    })),
    ...(filters.importance
      ? [
          {
            label: filters.importance === 'important' ? 'Important only' : 'Not important',
            clear: () => set({ importance: null }),
          },
        ]
      : []),
    ...(filters.after
      ? [{ label: `From ${formatDate(filters.after)}`, clear: () => set({ after: null }) }]
      : []),
    ...(filters.before
      ? [{ label: `To ${formatDate(filters.before)}`, clear: () => set({ before: null }) }]
      : []),
    ...(filters.read
      ? [
          {
            label: filters.read === 'unread' ? 'Unread only' : 'Read only',
            clear: () => set({ read: null }),
          },
        ]
      : []),
  ];

  return (
    <section
      role="search"
      aria-label="Filter notifications"
      className="border-b border-slate-200 px-3 py-1.5 sm:flex sm:items-center sm:gap-2 sm:px-4 dark:border-slate-800"
    >
      {/* On a phone the controls wait behind one button; the active filters show as chips either way. */}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-controls`}
        onClick={() => setOpen(!open)}
        className="filter-control sm:hidden"
      >
        Filters{chips.length ? ` (${chips.length})` : ''}{' '}
        <Icon name={open ? 'chevron-up' : 'chevron-down'} />
      </button>
      <div
        id={`${id}-controls`}
        className={`${open ? 'mt-2 flex' : 'hidden'} flex-wrap items-center gap-2 text-sm sm:mt-0 sm:flex sm:flex-nowrap`}
      >
        <ProjectPicker
          selected={filters.projectIds}
          onChange={(projectIds) => set({ projectIds })}
        />
        <label htmlFor={`${id}-type`} className="sr-only">
          Type
        </label>
        <select
          id={`${id}-type`}
          className="filter-control"
          value={
            filters.types.length === 1 ? filters.types[0] : filters.types.length ? 'several' : ''
          }
          onChange={(event) => set({ types: event.target.value ? [event.target.value] : [] })}
        >
          <option value="">All types</option>
          {filters.types.length > 1 && (
            <option value="several" disabled>
              {filters.types.map(targetTypeLabel).join(', ')}
            </option>
          )}
          {TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {targetTypeLabel(type)}
            </option>
          ))}
        </select>
        {view !== 'important' && (
          <>
            <label htmlFor={`${id}-importance`} className="sr-only">
              Importance
            </label>
            <select
              id={`${id}-importance`}
              className="filter-control"
              value={filters.importance ?? ''}
              onChange={(event) =>
                set({ importance: (event.target.value || null) as InboxFilters['importance'] })
              }
            >
              <option value="">Any importance</option>
              <option value="important">Important</option>
              <option value="normal">Not important</option>
            </select>
          </>
        )}
        <label htmlFor={`${id}-read`} className="sr-only">
          Read state
        </label>
        <select
          id={`${id}-read`}
          className="filter-control"
          value={filters.read ?? ''}
          onChange={(event) => set({ read: (event.target.value || null) as InboxFilters['read'] })}
        >
          <option value="">Read and unread</option>
          <option value="unread">Unread only</option>
          <option value="read">Read only</option>
        </select>
        <DateFilter
          after={filters.after}
          before={filters.before}
          onChange={(range) => set(range)}
        />
      </div>
      {chips.length > 0 && (
        <ul
          className="mt-2 flex flex-wrap items-center gap-2 text-xs sm:mt-0 sm:shrink-0"
          aria-label="Active filters"
        >
          {/* From 640 px the controls show every filter: only "Clear all" stays, on the same line. */}
          {chips.map((chip) => (
            <li key={chip.label} className="sm:hidden">
              <button
                type="button"
                onClick={chip.clear}
                className="rounded-full bg-slate-100 px-2.5 py-1 font-medium hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700"
                aria-label={`Remove filter: ${chip.label}`}
              >
                {chip.label} <Icon name="close" className="size-3" />
              </button>
            </li>
          ))}
          {hasFilters(filters) && (
            <li>
              <button
                type="button"
                onClick={() => onChange(NO_FILTERS)}
                aria-label="Clear all filters"
                className="px-1 font-medium whitespace-nowrap text-brand-700 underline underline-offset-2 dark:text-brand-100"
              >
                Clear all
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
