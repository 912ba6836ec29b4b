import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useCommands, type Command } from '../../../lib/commands.ts';
import {
  hrefFor,
  NO_FILTERS,
  TARGET_TYPES,
  type InboxFilters,
  type ViewName,
} from '../model/filters.ts';
import { targetTypeLabel } from './TargetIcon.tsx';

/**
 * The filters in the command palette while an inbox view is on screen: each sets one filter in the address
 * (keeping the others, as the filter bar does), and "Clear filters" removes them all.
 */
export function useFilterCommands(view: ViewName, filters: InboxFilters) {
  const navigate = useNavigate();
  // The filters as a value: a new object with the same filters offers the same commands.
  const key = JSON.stringify(filters);
  const commands = useMemo((): Command[] => {
    const go = (change: Partial<InboxFilters>) => () =>
      void navigate(hrefFor(view, { ...filters, ...change }));
    const filter = (id: string, label: string, change: Partial<InboxFilters>): Command => ({
      id: `filter:${id}`,
      label,
      group: 'Filters',
      keywords: 'filter show only',
      run: go(change),
    });
    return [
      filter('unread', 'Unread only', { read: 'unread' }),
      filter('read', 'Read only', { read: 'read' }),
      ...(view === 'important'
        ? []
        : [filter('important', 'Important only', { importance: 'important' })]),
      ...TARGET_TYPES.map((type) =>
        filter(`type:${type}`, `${targetTypeLabel(type)} notifications only`, { types: [type] }),
      ),
      { ...filter('clear', 'Clear filters', NO_FILTERS), keywords: 'reset remove all' },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `filters`
  }, [navigate, view, key]);
  useCommands(commands);
}
