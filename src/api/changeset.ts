/** What an activity (or the notification it triggered) changed: one entry per field. Its own module, so the
 * inbox, which reads notifications' changesets, does not carry the activity parser. */
export type ChangesetEntry = { field: string; from: unknown; to: unknown };

/** A changeset is a list of single-key objects `{field: [old, new]}`; anything else is skipped. */
export function parseChangeset(value: unknown): ChangesetEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((change) => {
    if (typeof change !== 'object' || change === null || Array.isArray(change)) return [];
    return Object.entries(change as Record<string, unknown>).map(([field, pair]) =>
      Array.isArray(pair)
        ? { field, from: pair[0] ?? null, to: pair[1] ?? null }
        : { field, from: null, to: pair ?? null },
    );
  });
}
