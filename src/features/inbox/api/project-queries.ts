import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { getProjects } from '../../../api/projects.ts';

const ROOT = 'projects';
const LIST = 'list';
const ARCHIVED = 'archived';

export const projectQueries = {
  all: () => [ROOT] as const,
  /** The active projects (`filter[status]=1`): what the project filter offers. */
  list: () =>
    queryOptions({
      queryKey: [ROOT, LIST] as const,
      queryFn: ({ signal }) => getProjects(signal, 'active'),
      staleTime: 10 * 60_000,
    }),
  /** The archived ones, asked for only when "Show archived" is on or a filter names one. */
  archived: () =>
    queryOptions({
      queryKey: [ROOT, ARCHIVED] as const,
      queryFn: ({ signal }) => getProjects(signal, 'archived'),
      staleTime: 10 * 60_000,
    }),
  /** The projects list (kept offline with the notification lists). */
  isList: (key: QueryKey): boolean => key.length === 2 && key[0] === ROOT && key[1] === LIST,
};
