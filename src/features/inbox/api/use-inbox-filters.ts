import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../../lib/router.tsx';
import { filtersToSearchParams, parseFilters, type InboxFilters } from '../model/filters.ts';

/** The inbox's filters, parsed once from the URL; changes push a history entry so back and forward work. */
export function useInboxFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { filters, ignored } = useMemo(() => parseFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (next: InboxFilters) => setSearchParams(filtersToSearchParams(next)),
    [setSearchParams],
  );
  return { filters, ignored, setFilters };
}
