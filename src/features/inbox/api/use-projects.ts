import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Project } from '../../../api/projects.ts';
import { projectQueries } from './project-queries.ts';

/** The ids of every project in `projects`, or null while unknown (or when there are too many to be sure). */
export const knownProjectIdsOf = (
  projects: readonly Project[] | undefined,
): ReadonlySet<number> | null =>
  projects && projects.length < 2000 ? new Set(projects.map((project) => project.id)) : null;

/** The ids of every project, once they are known (null before, or when there are too many to be sure). */
export function useKnownProjectIds(): ReadonlySet<number> | null {
  const { data } = useQuery(projectQueries.list());
  return useMemo(() => knownProjectIdsOf(data), [data]);
}

export function useProjectName() {
  const { data: projects = [] } = useQuery(projectQueries.list());
  return (id: number) => projects.find((project) => project.id === id)?.name ?? `Project ${id}`;
}
