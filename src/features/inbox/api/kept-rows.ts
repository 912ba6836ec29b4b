import { useEffect, useState } from 'react';

/**
 * "Unread only keeps what you are reading": a notification opened from a list filtered by read state stays in
 * that list, read, until the view is left (another view or other filters), so that `k`, Next's Previous and the
 * back button return to it. Remembered for the page's life per list, so that coming back from a notification's
 * page (a phone) finds it still there; the next list forgets it.
 */
/** A list as kept rows know it: its view, what it asks the server for, and its read filter. */
export const keptListKey = (view: string, query: object, read: string | null) =>
  `${view}|${JSON.stringify(query)}|${read ?? ''}`;

let memory: { list: string; ids: ReadonlySet<string> } = { list: '', ids: new Set() };

/** Keeps a notification opened (on its page, by Next or Previous there) in the list it was opened from. */
export function keepRow(list: string, id: string) {
  if (memory.list !== list) memory = { list, ids: new Set() };
  if (!memory.ids.has(id)) memory = { list, ids: new Set([...memory.ids, id]) };
}

/**
 * The rows kept in the list `list` (its view and filters, as a key): those opened from it since it was entered,
 * with `opening` (the one open in the pane, the one come back to) among them.
 */
export function useKeptRows(
  list: string,
  opening: readonly (string | null)[],
): ReadonlySet<string> {
  const [kept, setKept] = useState(() => ({
    list,
    ids: memory.list === list ? memory.ids : new Set<string>(),
  }));
  let current = kept;
  // Another view or other filters: what was kept is let go.
  if (current.list !== list) current = { list, ids: memory.list === list ? memory.ids : new Set() };
  const added = opening.filter((id): id is string => id !== null && !current.ids.has(id));
  if (added.length > 0) current = { list, ids: new Set([...current.ids, ...added]) };
  if (current !== kept) setKept(current);
  useEffect(() => {
    memory = current;
  }, [current]);
  return current.ids;
}
