import { useCallback, useMemo } from 'react';
import { OPEN_PARAM, readOpenParam } from '../../../lib/addresses.ts';
import { useSearchParams } from 'react-router';
import { filtersToSearchParams, parseFilters, type InboxFilters } from '../model/filters.ts';

/**
 * The inbox's filters, parsed once from the URL; changes push a history entry so back and forward work, and keep
 * the notification open in the reading pane.
 */
export function useInboxFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { filters, ignored } = useMemo(() => parseFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (next: InboxFilters, options: { replace?: boolean } = {}) => {
      // The open notification stays open beside the list while its filters change.
      const params = filtersToSearchParams(next);
      const open = readOpenParam(searchParams);
      if (open) params.set(OPEN_PARAM, open);
      // Typing a search replaces the entry: back leaves the search, not one letter of it.
      setSearchParams(params, { replace: options.replace ?? false });
    },
    [setSearchParams, searchParams],
  );
  return { filters, ignored, setFilters };
}
