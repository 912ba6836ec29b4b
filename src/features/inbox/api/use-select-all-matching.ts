import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Notification, NotificationQuery } from '../../../api/notifications.ts';
import { useToast } from '../../../components/toasts.tsx';
import type { SelectionEvent } from '../model/selection.ts';

/** At most this many notifications are selected at once (100 of the API's largest pages). */
export const SELECT_ALL_MATCHING_CAP = 20_000;

export interface MatchingSelection {
  /** In the list's order, at most the cap. */
  ids: string[];
  readById: ReadonlyMap<string, boolean>;
  /** How many match on the server, when it says. */
  total: number | null;
  /** More match than were selected: the cap was reached. */
  capped: boolean;
}

export interface MatchingProgress {
  loaded: number;
  /** How many will be selected (the matching ones, up to the cap), when the server says. */
  total: number | null;
}

export { formatCount } from '../../../lib/formats.ts';

export interface SelectAllMatching {
  /** Fetches every matching id and hands them to `onSelected`; a failure is told in a toast and selects nothing. */
  select: () => Promise<MatchingSelection | null>;
  /** Stops a selection under way; nothing is selected. */
  cancel: () => void;
  /** While selecting: how far it has come. */
  progress: MatchingProgress | null;
}

/**
 * "Select all N matching": every notification matching the list's query, fetched through the same throttled path as
 * bulk actions, with its progress, an error toast (with Retry) when a page fails, and a message that says so
 * when more match than the cap. Another query (the filters changed) or leaving the list stops it.
 */
export function useSelectAllMatching(
  query: NotificationQuery,
  onSelected: (selection: MatchingSelection) => void,
): SelectAllMatching {
  const showToast = useToast();
  const [progress, setProgress] = useState<MatchingProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  const latest = useRef({ query, onSelected });
  useLayoutEffect(() => {
    latest.current = { query, onSelected };
  });

  const cancel = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setProgress(null);
  }, []);

  const listKey = JSON.stringify(query);
  useEffect(() => cancel, [listKey, cancel]);

  const select = useCallback(
    async function selectAll(): Promise<MatchingSelection | null> {
      if (running.current) return null;
      const controller = new AbortController();
      const { signal } = controller;
      running.current = controller;
      setProgress({ loaded: 0, total: null });
      try {
        // The paging code and its messages are not part of the first screen: they download on first use.
        const { selectAllMatching } = await import('./fetch-all-matching.ts');
        const selection = await selectAllMatching(latest.current.query, {
          signal,
          cap: SELECT_ALL_MATCHING_CAP,
          // A page that arrives after a stop no longer moves a progress that is gone.
          onProgress: (next) => !signal.aborted && setProgress(next),
          showToast,
          retry: () => void selectAll(),
        });
        if (selection) latest.current.onSelected(selection);
        return selection;
      } catch {
        // Its code could not be downloaded (offline before it ever loaded).
        showToast({
          tone: 'error',
          message:
            'Could not select all matching notifications: check the connection, then try again.',
          action: { label: 'Retry', run: () => void selectAll() },
        });
        return null;
      } finally {
        if (running.current === controller) {
          running.current = null;
          setProgress(null);
        }
      }
    },
    [showToast],
  );

  return { select, cancel, progress };
}

/** The Inbox with no filter at all: what Productive's `dismiss_notifications` acts on. */
export const isWholeInboxQuery = (query: NotificationQuery) =>
  query.dismissed === false &&
  Object.entries(query).every(
    ([name, value]) =>
      name === 'dismissed' || value === undefined || (Array.isArray(value) && value.length === 0),
  );

/**
 * "Select all N matching" for a list's selection: the ids it fetches are selected, and their read state is kept,
 * since rows selected that way need not be loaded (`isRead`: a loaded row's state, else the fetched one). `clear`
 * stops a selection under way and clears the selection.
 */
export function useMatchingSelection(
  query: NotificationQuery,
  byId: ReadonlyMap<string, Notification>,
  dispatch: (event: SelectionEvent) => void,
) {
  const [matchingRead, setMatchingRead] = useState<ReadonlyMap<string, boolean>>(new Map());
  // How many the last "Select all matching" selected, when that was the whole Inbox, unfiltered.
  const [wholeInboxCount, setWholeInboxCount] = useState<number | null>(null);
  const matching = useSelectAllMatching(query, ({ ids, readById, total, capped }) => {
    setMatchingRead(readById);
    setWholeInboxCount(
      isWholeInboxQuery(query) && !capped && total === ids.length ? ids.length : null,
    );
    dispatch({ type: 'selectAll', ids });
  });
  const listKey = JSON.stringify(query);
  const [wholeInboxKey, setWholeInboxKey] = useState(listKey);
  if (wholeInboxKey !== listKey) {
    setWholeInboxKey(listKey);
    setWholeInboxCount(null);
  }
  /** Whether a selection of this many is the whole Inbox, as "Select all matching" fetched it. */
  const isWholeInbox = (selectedCount: number) =>
    wholeInboxCount !== null && selectedCount === wholeInboxCount;
  const isRead = useCallback(
    (id: string) => byId.get(id)?.read ?? matchingRead.get(id) ?? false,
    [byId, matchingRead],
  );
  const clear = () => {
    matching.cancel();
    setWholeInboxCount(null);
    dispatch({ type: 'clear' });
  };
  return { ...matching, isRead, clear, isWholeInbox };
}
