import { queryOptions } from '@tanstack/react-query';
import { getProjects } from '../../../api/projects.ts';

export const projectQueries = {
  all: () => ['projects'] as const,
  list: () =>
    queryOptions({
      queryKey: [...projectQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => getProjects(signal),
      staleTime: 10 * 60_000,
    }),
};
