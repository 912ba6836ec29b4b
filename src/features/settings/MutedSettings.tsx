import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { MuteTarget } from '../../api/mutes.ts';
import type { Mute } from '../../api/mutes.ts';
import { ErrorState } from '../../components/ListStates.tsx';
import { getProjects } from '../../api/projects.ts';
import { muteTarget, unmuteTarget } from '../../lib/mute-actions.ts';
import { useToast } from '../../components/toasts.tsx';
import { muteQueries, MUTE_SCOPE_NOTE } from '../../lib/mutes.ts';
import { formatDay } from '../../lib/formats.ts';

/** When it was muted, as the app writes days ("Dec 6"; the year when not this one); nothing for an unreadable date. */
function mutedOn(mutedAt: string): string {
  const date = new Date(mutedAt);
  return Number.isNaN(date.getTime()) ? '' : ` · muted ${formatDay(date)}`;
}

/** The active projects "Mute project…" offers (a key of its own: the inbox's project queries are its own). */
const projectChoices = () =>
  queryOptions({
    queryKey: ['settings', 'projects'] as const,
    queryFn: ({ signal }) => getProjects(signal, 'active'),
    staleTime: 10 * 60_000,
  });

const buttonClass =
  'rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/** Mute and unmute, shown at once and sent to the server (lib/mute-actions.ts). */
function useMuteActions() {
  const queryClient = useQueryClient();
  const showToast = useToast();
  return useMemo(
    () => ({
      mute: (target: MuteTarget, title: string) =>
        muteTarget(queryClient, showToast, target, title),
      unmute: (target: MuteTarget) => unmuteTarget(queryClient, showToast, target),
    }),
    [queryClient, showToast],
  );
}

const kindLabel = (mute: Mute) =>
  mute.kind === 'project'
    ? 'Project'
    : mute.targetType.charAt(0).toUpperCase() + mute.targetType.slice(1);

/** "Mute project…": every new notification in one project is dismissed as it arrives, mentions aside. */
function MuteProjectForm() {
  const id = useId();
  const projects = useQuery(projectChoices()).data ?? [];
  const { mute } = useMuteActions();
  const [message, setMessage] = useState('');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const projectId = String(new FormData(event.currentTarget).get('project') ?? '');
    const project = projects.find((candidate) => String(candidate.id) === projectId);
    if (!project) return;
    if (
      await mute(
        { kind: 'project', targetId: projectId },
        project.name.trim() || `Project ${projectId}`,
      )
    )
      setMessage(`Muted ${project.name.trim()}`);
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="mt-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`${id}-project`} className="block text-sm font-medium">
          Mute project…
        </label>
        <select
          id={`${id}-project`}
          name="project"
          required
          className="mt-1 max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
        >
          <option value="">Choose a project</option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name.trim()}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass}>
        Mute project
      </button>
      <p aria-live="polite" className="sr-only">
        {message}
      </p>
    </form>
  );
}

/**
 * Settings' "Muted" section: the items and projects whose new notifications are dismissed as they arrive (unless
 * they mention the person), each with Unmute; and "Mute project…". Kept per person on the server.
 */
export function MutedSettings() {
  const headingId = useId();
  const { data: mutes, status, error, refetch } = useQuery(muteQueries.list());
  const { unmute } = useMuteActions();
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h2 id={headingId} className="text-lg font-semibold">
        Muted
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        New notifications on these items and projects are dismissed as they arrive, unless they
        mention you. {MUTE_SCOPE_NOTE}
      </p>
      {status === 'pending' && <p className="mt-3 text-sm">Loading…</p>}
      {status === 'error' && (
        <ErrorState
          title="Could not load what you muted"
          message={error.message}
          onRetry={() => void refetch()}
        />
      )}
      {mutes?.length === 0 && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          Nothing muted. Mute an item from its row, the reading pane or with m.
        </p>
      )}
      {mutes && mutes.length > 0 && (
        <ul
          aria-label="Muted items and projects"
          className="mt-3 divide-y divide-slate-200 dark:divide-slate-800"
        >
          {mutes.map((mute) => (
            <li key={mute.id} data-testid="muted-item" className="flex items-center gap-3 py-2">
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">{mute.title}</span>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {kindLabel(mute)}
                  {mutedOn(mute.mutedAt)}
                </span>
              </span>
              <button
                type="button"
                className={buttonClass}
                aria-label={`Unmute ${mute.title}`}
                onClick={() =>
                  void unmute(
                    mute.kind === 'project'
                      ? { kind: 'project', targetId: mute.targetId }
                      : { kind: 'item', targetType: mute.targetType, targetId: mute.targetId },
                  )
                }
              >
                Unmute
              </button>
            </li>
          ))}
        </ul>
      )}
      <MuteProjectForm />
    </section>
  );
}
