import type { AfterDismiss } from './pane-settings.ts';

/**
 * The after-dismiss setting as stored (pane-settings.ts owns it and its store; that module loads with the pane).
 * Read when a dismiss moves the pane on, so the list needs nothing more of the pane's code.
 */
export function readAfterDismiss(): AfterDismiss {
  try {
    const stored = JSON.parse(localStorage.getItem('inbox.pane') ?? 'null') as {
      afterDismiss?: unknown;
    } | null;
    return stored?.afterDismiss === 'previous' ? 'previous' : 'next';
  } catch {
    return 'next';
  }
}
