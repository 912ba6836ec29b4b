import { queryOptions } from '@tanstack/react-query';
import { getPeople } from '../../../api/people.ts';

export const peopleQueries = {
  /** Everyone a reply can mention, asked for once and filtered on the device as the name is typed. */
  mentionable: () =>
    queryOptions({
      queryKey: ['people', 'mentionable'] as const,
      queryFn: ({ signal }) => getPeople(signal),
      staleTime: 10 * 60_000,
    }),
};
