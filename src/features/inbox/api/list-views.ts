import type { Notification } from '../../../api/notifications.ts';
import type { ReadState } from '../model/filters.ts';
import { matchesTerms } from '../../../replica/view.ts';

/**
 * What a list shows of the rows it holds (read state, search), worked out once per set of rows (issue 19,
 * docs/decisions/016-replica.md): the views of one array of rows are remembered beside it (a WeakMap, so they go
 * with it when the replica changes), so that going back to a filter or clearing a search hands back the very
 * array shown before, and everything computed from it (groups, ids) is not worked out again. A search that only
 * narrows the last one (`lo` → `log`) looks through that one's results, not all the rows.
 */

/** How many views of one array of rows are remembered (filters and searches one goes back and forth between). */
const VIEWS_KEPT = 24;

interface View {
  read: ReadState | null;
  terms: readonly string[];
  rows: Notification[];
}

const views = new WeakMap<readonly Notification[], View[]>();

/** Whether every row matching `terms` also matches `wider` (each of its terms is inside one of `terms`). */
const narrows = (terms: readonly string[], wider: readonly string[]) =>
  wider.every((term) => terms.some((narrower) => narrower.includes(term)));

const sameTerms = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((term, index) => term === b[index]);

/**
 * The rows shown: those in the read state asked (or kept: opened from this list), matching every search term
 * (`textOf` gives a row's searchable text). The same array as last time for the same rows, read state and terms.
 */
export function viewOfRows(
  rows: readonly Notification[],
  read: ReadState | null,
  terms: readonly string[],
  kept: ReadonlySet<string>,
  textOf: (notification: Notification) => string,
): readonly Notification[] {
  if (!read && terms.length === 0) return rows;
  const matches = (notification: Notification) =>
    (!read || notification.read === (read === 'read') || kept.has(notification.id)) &&
    (terms.length === 0 || matchesTerms(textOf(notification), terms));
  // Rows kept open are a passing state of one list: not remembered.
  if (kept.size > 0) return rows.filter(matches);
  let known = views.get(rows);
  if (!known) {
    known = [];
    views.set(rows, known);
  }
  const same = known.find((view) => view.read === read && sameTerms(view.terms, terms));
  if (same) return same.rows;
  // The smallest view this one narrows (same read state, wider search): a subset of it, in the same order.
  let from: readonly Notification[] = rows;
  for (const view of known)
    if (view.read === read && view.rows.length < from.length && narrows(terms, view.terms))
      from = view.rows;
  const shown = from.filter(matches);
  known.push({ read, terms, rows: shown });
  if (known.length > VIEWS_KEPT) known.shift();
  return shown;
}

/**
 * A value worked out from an array (its grouping, its ids by position) remembered beside it for the last inputs
 * (`deps`, compared by identity): the same array shown again gives the same value back.
 */
export function derivedOnce<K extends object, V>(
  cache: WeakMap<K, { deps: readonly unknown[]; value: V }[]>,
  key: K,
  deps: readonly unknown[],
  compute: () => V,
  kept = 4,
): V {
  let entries = cache.get(key);
  if (!entries) {
    entries = [];
    cache.set(key, entries);
  }
  const hit = entries.find(
    (entry) =>
      entry.deps.length === deps.length && entry.deps.every((dep, index) => dep === deps[index]),
  );
  if (hit) return hit.value;
  const value = compute();
  entries.push({ deps, value });
  if (entries.length > kept) entries.shift();
  return value;
}
