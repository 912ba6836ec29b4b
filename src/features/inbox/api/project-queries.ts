import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { getProjects } from '../../../api/projects.ts';

const ROOT = 'projects';
const LIST = 'list';

export const projectQueries = {
  all: () => [ROOT] as const,
  list: () =>
    queryOptions({
      queryKey: [ROOT, LIST] as const,
      queryFn: ({ signal }) => getProjects(signal),
      staleTime: 10 * 60_000,
    }),
  /** The projects list (kept offline with the notification lists). */
  isList: (key: QueryKey): boolean => key.length === 2 && key[0] === ROOT && key[1] === LIST,
};
