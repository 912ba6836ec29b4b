import type { Database } from '../db/database.ts';

/**
 * Remembers list totals until the database changes. Counting the inbox's 100,000 rows costs more than
 * fetching its page, and most requests (pages, polls, other tabs) ask the same count again. The cache is
 * dropped whenever any connection commits (`data_version`) or this one changes a row (`total_changes()`), so a
 * total is never stale.
 */
export function createCountCache(db: Database, limit = 500) {
  const version = db.prepare(
    "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS v",
  );
  const counts = new Map<string, number>();
  let seen = '';
  return (sql: string, params: readonly (string | number)[], count: () => number): number => {
    const current = (version.get() as { v: string }).v;
    if (current !== seen) {
      counts.clear();
      seen = current;
    }
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let total = counts.get(key);
    if (total === undefined) {
      total = count();
      if (counts.size >= limit) counts.clear();
      counts.set(key, total);
    }
    return total;
  };
}
