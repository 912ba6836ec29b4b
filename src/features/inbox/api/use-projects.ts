import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { projectQueries } from './project-queries.ts';

/** The ids of every project, once they are known (null before, or when there are too many to be sure). */
export function useKnownProjectIds(): ReadonlySet<number> | null {
  const { data } = useQuery(projectQueries.list());
  return useMemo(
    () => (data && data.length < 2000 ? new Set(data.map((project) => project.id)) : null),
    [data],
  );
}

export function useProjectName() {
  const { data: projects = [] } = useQuery(projectQueries.list());
  return (id: number) => projects.find((project) => project.id === id)?.name ?? `Project ${id}`;
}
