import type { AfterDismiss } from './pane-settings.ts';

/**
 * Which notification the pane opens when the open one leaves the list (dismissed, restored, snoozed) along
 * with any others acted on at once: the nearest remaining one in the preferred direction, else the nearest the
 * other way; null when none remains.
 */
export function neighborAfterLeaving(
  ids: readonly string[],
  openId: string,
  leaving: ReadonlySet<string>,
  prefer: AfterDismiss,
): string | null {
  const index = ids.indexOf(openId);
  if (index === -1) return null;
  const after = ids.slice(index + 1).find((id) => !leaving.has(id)) ?? null;
  const before =
    ids
      .slice(0, index)
      .reverse()
      .find((id) => !leaving.has(id)) ?? null;
  return prefer === 'next' ? (after ?? before) : (before ?? after);
}

/** The notification `delta` rows from the open one (j/k in the pane), or null at either end. */
export function stepFrom(ids: readonly string[], fromId: string | null, delta: number) {
  if (ids.length === 0) return null;
  const index = fromId === null ? -1 : ids.indexOf(fromId);
  if (index === -1) return delta > 0 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null);
  return ids[index + delta] ?? null;
}
