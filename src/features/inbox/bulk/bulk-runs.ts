import { useSyncExternalStore } from 'react';
import type { NotificationAction } from '../../../api/notifications.ts';

/**
 * The bulk actions running in this tab, as the progress bar shows them (BulkProgress.tsx), and whether any runs
 * (the polling backs off meanwhile). Small and loaded with the inbox; the runner itself (bulk-actions.ts) is
 * downloaded on first use.
 */
export interface BulkRunView {
  key: string;
  action: NotificationAction;
  total: number;
  done: number;
  failed: number;
  /** When this page started (or resumed) it, and how many were done then: for the time left. */
  startedAt: number;
  doneAtStart: number;
  /** The budget is spent to its reserve: nothing goes before this time. */
  waitingUntil: number | null;
  /** The whole Inbox in one request. */
  wholeInbox: boolean;
  stopping: boolean;
}

let views: BulkRunView[] = [];
const listeners = new Set<() => void>();
const stops = new Map<string, () => void>();

export function setRunView(view: BulkRunView): void {
  views = views.some((other) => other.key === view.key)
    ? views.map((other) => (other.key === view.key ? view : other))
    : [...views, view];
  for (const listener of [...listeners]) listener();
}

export function endRunView(key: string): void {
  views = views.filter((view) => view.key !== key);
  stops.delete(key);
  for (const listener of [...listeners]) listener();
}

/** How a run is cancelled, registered by the runner. */
export function onCancel(key: string, stop: () => void): void {
  stops.set(key, stop);
}

/** Cancel: no item starts after this; what was done stays done (with one Undo for it). */
export function cancelBulk(key: string): void {
  stops.get(key)?.();
}

/** Whether a bulk action runs in this tab: the polling backs off meanwhile. */
export const isBulkRunning = () => views.length > 0;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => views;

export function useBulkRuns(): readonly BulkRunView[] {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
