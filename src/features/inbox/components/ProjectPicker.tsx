import { useEffect, useId, useRef, useState } from 'react';
import { useAllProjects } from '../api/use-projects.ts';

interface Props {
  selected: number[];
  onChange: (projectIds: number[]) => void;
}

/**
 * A searchable, multi-select project picker fed by /projects: the active ones, and the archived ones behind
 * "Show archived" (asked for only then).
 */
export function ProjectPicker({ selected, onChange }: Props) {
  const [showArchived, setShowArchived] = useState(false);
  const { projects: known, active, archived } = useAllProjects(showArchived);
  const projects = showArchived ? known : known.filter((project) => !project.archived);
  const status = active.status === 'success' && showArchived ? archived.status : active.status;
  const [search, setSearch] = useState('');
  const details = useRef<HTMLDetailsElement>(null);
  const searchId = useId();
  const names = selected.map(
    (id) => known.find((project) => project.id === id)?.name ?? `Project ${id}`,
  );
  const summary =
    selected.length === 0
      ? 'All projects'
      : selected.length === 1
        ? names[0]
        : `${selected.length} projects`;
  const matching = projects.filter((project) =>
    project.name.toLowerCase().includes(search.trim().toLowerCase()),
  );

  useEffect(() => {
    const close = (event: Event) => {
      const element = details.current;
      if (!element?.open) return;
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !element.contains(event.target as Node)
      ) {
        element.open = false;
        if (event instanceof KeyboardEvent) element.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  const toggle = (id: number) =>
    onChange(selected.includes(id) ? selected.filter((value) => value !== id) : [...selected, id]);

  return (
    <details ref={details} className="relative">
      <summary className="filter-control flex max-w-40 cursor-pointer list-none items-center gap-1 truncate">
        <span className="sr-only">Project: </span>
        {summary}
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <label htmlFor={searchId} className="sr-only">
          Search projects
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Search projects"
          className="w-full rounded-md border border-slate-300 bg-transparent px-2 py-1.5 text-sm dark:border-slate-600"
        />
        <fieldset className="mt-2 max-h-64 overflow-y-auto">
          <legend className="sr-only">Projects</legend>
          {status === 'pending' && (
            <p className="px-2 py-1 text-sm text-slate-600 dark:text-slate-400">
              Loading projects…
            </p>
          )}
          {status === 'error' && (
            <p className="px-2 py-1 text-sm text-red-700">Could not load projects.</p>
          )}
          {status === 'success' && matching.length === 0 && (
            <p className="px-2 py-1 text-sm text-slate-600 dark:text-slate-400">
              No project matches “{search}”.
            </p>
          )}
          {matching.map((project) => (
            <label
              key={project.id}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <input
                type="checkbox"
                checked={selected.includes(project.id)}
                onChange={() => toggle(project.id)}
              />
              <span className="truncate">{project.name}</span>
              {project.archived && (
                <span className="ml-auto shrink-0 text-xs text-slate-500 dark:text-slate-400">
                  archived
                </span>
              )}
            </label>
          ))}
        </fieldset>
        {/* After the list: Tab from the search goes straight to the first matching project. */}
        <label className="mt-2 flex border-t border-slate-200 pt-2 dark:border-slate-700 cursor-pointer items-center gap-2 px-2 text-sm text-slate-700 dark:text-slate-300">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />
          Show archived
        </label>
      </div>
    </details>
  );
}
