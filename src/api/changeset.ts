/** What an activity (or the notification it triggered) changed: one entry per field. Its own module, so the
 * inbox, which reads notifications' changesets, does not carry the activity parser. */
export type ChangesetEntry = { field: string; from: unknown; to: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const entriesOf = (change: Record<string, unknown>): ChangesetEntry[] =>
  Object.entries(change).map(([field, pair]) =>
    Array.isArray(pair)
      ? { field, from: pair[0] ?? null, to: pair[1] ?? null }
      : { field, from: null, to: pair ?? null },
  );

/**
 * A changeset as the seed shows it, a list of single-key objects `[{field: [old, new]}]`, or as Productive's
 * schema types it, one object `{field: [old, new], …}`; anything else is read as no change.
 */
export function parseChangeset(value: unknown): ChangesetEntry[] {
  if (isObject(value)) return entriesOf(value);
  if (!Array.isArray(value)) return [];
  return value.flatMap((change) => (isObject(change) ? entriesOf(change) : []));
}
