import { useCallback } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { useLazyInboxActions } from './use-lazy-inbox-actions.tsx';

/**
 * The inbox actions as a list uses them: an action clears the selection it used; what an undo brought back becomes
 * the current row, but with the pane open the pane stays where it is and so does the current row (the open one),
 * so that the next `e` acts on what is shown (fresh-eyes finding).
 */
export function useListInboxActions({
  byId,
  isRead,
  clearSelection,
  openId,
  focusRow,
}: {
  byId: ReadonlyMap<string, Notification>;
  isRead: (id: string) => boolean;
  /** Set while something is selected. */
  clearSelection: (() => void) | undefined;
  openId: string | null;
  focusRow: (id: string) => void;
}) {
  const focusUndone = useCallback((id: string) => focusRow(openId ?? id), [openId, focusRow]);
  return useLazyInboxActions({ byId, isRead, afterAction: clearSelection, focusRow: focusUndone });
}
