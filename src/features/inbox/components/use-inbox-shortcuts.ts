import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  move: (delta: number) => void;
  open: () => void;
  dismiss: () => void;
  restore: () => void;
  read: () => void;
  toggle: () => void;
  range: () => void;
  selectAll: () => void;
  clear: () => void;
  focusFilters: () => void;
  goInbox: () => void;
  help: () => void;
  undo: () => void;
  /** → and ←: into the reading pane, and back to the list's current row. */
  enterPane: () => void;
  leavePane: () => void;
  /** Opens the snooze menu for the selected rows, else the current one. */
  snooze?: () => void;
  /** r: into the reply composer of the notification open in the reading pane. */
  reply?: () => void;
}

const TEXT_INPUT =
  /^(text|search|date|number|email|url|tel|password|datetime-local|month|week|time)$/;

/** True while the user types in a field: shortcuts never fire then. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
    return true;
  return target.tagName === 'INPUT' && TEXT_INPUT.test((target as HTMLInputElement).type);
}

/** The inbox's keyboard shortcuts, listened for once on the document. */
export function useInboxShortcuts(handlers: ShortcutHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    let awaitingG = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || isTyping(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('dialog[open]')) return;
      const h = latest.current;
      const key = event.key;
      if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'z') {
        event.preventDefault();
        h.undo();
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      const onRowOrPage =
        !(event.target instanceof HTMLElement) ||
        event.target === document.body ||
        event.target.matches('[data-notification-id]');
      const inPaneBody =
        event.target instanceof HTMLElement && event.target.matches('[data-reading-pane-body]');
      const shortcuts: Record<string, (() => void) | undefined> = {
        j: () => h.move(1),
        ArrowDown: () => h.move(1),
        k: () => h.move(-1),
        ArrowUp: () => h.move(-1),
        o: h.open,
        Enter: onRowOrPage ? h.open : undefined,
        e: h.dismiss,
        E: h.restore,
        I: h.read,
        x: h.toggle,
        X: h.range,
        '*': h.selectAll,
        Escape: h.clear,
        '/': h.focusFilters,
        '?': h.help,
        z: h.undo,
        // Arrows sideways belong to the control that has focus, except on a row (into the pane) and on the
        // pane itself (back to the list).
        ArrowRight: onRowOrPage ? h.enterPane : undefined,
        ArrowLeft: inPaneBody ? h.leavePane : undefined,
        h: h.snooze,
        r: h.reply,
      };
      if (key === 'g') {
        awaitingG = Date.now();
        return;
      }
      if (key === 'i' && Date.now() - awaitingG < 1500) {
        awaitingG = 0;
        event.preventDefault();
        h.goInbox();
        return;
      }
      const handler = shortcuts[key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next notification'],
  ['k / ↑', 'Previous notification'],
  ['Enter / o', 'Open'],
  ['e', 'Dismiss'],
  ['Shift + E', 'Restore (in Dismissed)'],
  ['Shift + I', 'Mark as read'],
  ['h', 'Snooze'],
  ['r', 'Reply (in the reading pane)'],
  ['x', 'Select or unselect'],
  ['Shift + X', 'Select a range'],
  ['*', 'Select all loaded'],
  ['Esc', 'Clear the selection, then close the reading pane'],
  ['→ / ←', 'Into the reading pane / back to the list'],
  ['/', 'Go to the filters'],
  ['g then i', 'Go to the Inbox'],
  ['z / Ctrl + Z', 'Undo'],
  ['?', 'This help'],
];
