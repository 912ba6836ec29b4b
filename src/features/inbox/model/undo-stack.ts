import type { InboxAction } from './inbox-actions.ts';

/**
 * What undoing an action does: its inverse action, (for read, which has none) cancelling it, or null: no undo
 * (an undo itself, wake now).
 */
export const INVERSE: Record<InboxAction, InboxAction | 'cancel' | null> = {
  dismiss: 'undismiss',
  undismiss: 'dismiss',
  read: 'cancel',
  snooze: 'unsnooze',
  unsnooze: null,
  wake: null,
};

export interface UndoEntry {
  key: number;
  action: InboxAction;
  ids: string[];
  expiresAt: number;
}

export const UNDO_WINDOW_MS = 8000;

/** The actions that can still be undone, newest last; entries expire after the undo window. */
export function pushUndo(stack: readonly UndoEntry[], entry: UndoEntry, now: number): UndoEntry[] {
  return [...stack.filter((item) => item.expiresAt > now), entry].slice(-20);
}

/**
 * The newest action still in its undo window, and what is left. With none, the newest one whose window has
 * passed (`expired`), so that "nothing to undo" can say why (a read is already saved).
 */
export function popUndo(
  stack: readonly UndoEntry[],
  now: number,
): { entry: UndoEntry | null; expired: UndoEntry | null; rest: UndoEntry[] } {
  const live = stack.filter((item) => item.expiresAt > now);
  const entry = live[live.length - 1] ?? null;
  if (entry) return { entry, expired: null, rest: live.slice(0, -1) };
  return { entry: null, expired: stack[stack.length - 1] ?? null, rest: [] };
}

export const hasUndo = (stack: readonly UndoEntry[], key: number) =>
  stack.some((item) => item.key === key);

export function removeUndo(stack: readonly UndoEntry[], key: number): UndoEntry[] {
  return stack.filter((item) => item.key !== key);
}
