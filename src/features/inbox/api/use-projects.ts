import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Project } from '../../../api/projects.ts';
import { projectQueries } from './project-queries.ts';

/** The ids of every project in `projects`, or null while unknown (or when there are too many to be sure). */
export const knownProjectIdsOf = (
  projects: readonly Project[] | undefined,
): ReadonlySet<number> | null =>
  projects && projects.length < 2000 ? new Set(projects.map((project) => project.id)) : null;

/**
 * The ids of every project the filter may name, once they are known (null before, or when there are too many to
 * be sure). Archived projects are asked for only when the filter names a project that is not active.
 */
export function useKnownProjectIds(wanted: readonly number[] = []): ReadonlySet<number> | null {
  const activeList = useQuery(projectQueries.list()).data;
  const activeIds = useMemo(() => new Set(activeList?.map((project) => project.id)), [activeList]);
  const needArchived = !!activeList && wanted.some((id) => !activeIds.has(id));
  const archivedQuery = useQuery({ ...projectQueries.archived(), enabled: needArchived });
  const archivedList = archivedQuery.data;
  const archivedFailed = archivedQuery.isError;
  return useMemo(() => {
    if (!activeList || activeList.length >= 2000) return null;
    if (!needArchived) return activeIds;
    if (!archivedList || archivedFailed || archivedList.length >= 2000) return null;
    return new Set([...activeIds, ...archivedList.map((project) => project.id)]);
  }, [activeList, activeIds, needArchived, archivedList, archivedFailed]);
}

/** Active projects, and the archived ones once they were asked for. */
export function useAllProjects(showArchived: boolean) {
  const active = useQuery(projectQueries.list());
  const archived = useQuery({ ...projectQueries.archived(), enabled: showArchived });
  const activeList = active.data;
  const archivedList = archived.data;
  const projects = useMemo<Project[]>(
    () => [...(activeList ?? []), ...(archivedList ?? [])],
    [activeList, archivedList],
  );
  return { projects, active, archived };
}

export function useProjectName() {
  const { projects } = useAllProjects(false);
  // One function per list of projects: lists grouped by project follow it.
  return useMemo(() => {
    const names = new Map(projects.map((project) => [project.id, project.name]));
    return (id: number) => names.get(id) ?? `Project ${id}`;
  }, [projects]);
}
