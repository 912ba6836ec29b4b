import { useEffect, useRef } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { focusComposer } from '../../activity/index.ts';
import type { InboxActions } from '../api/use-inbox-actions.ts';
import type { ViewName } from '../model/filters.ts';
import { actionTargets } from '../model/selection.ts';
import type { useListSelection } from '../model/use-list-selection.ts';
import type { SnoozeMenuTarget } from './use-snooze-request.ts';
import { useListCommands } from './use-list-commands.ts';

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
  /** `/`: into the search box. */
  focusSearch: () => void;
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
  /** m: mutes the selected rows' items, else the current one's. */
  mute?: () => void;
  /** g then 1…9: opens that saved view (0-based index). */
  goSavedView?: (index: number) => void;
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
        '/': h.focusSearch,
        f: h.focusFilters,
        '?': h.help,
        z: h.undo,
        // Arrows sideways belong to the control that has focus, except on a row (into the pane) and on the
        // pane itself (back to the list).
        ArrowRight: onRowOrPage ? h.enterPane : undefined,
        ArrowLeft: inPaneBody ? h.leavePane : undefined,
        h: h.snooze,
        r: h.reply,
        m: h.mute,
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
      if (/^[1-9]$/.test(key) && Date.now() - awaitingG < 1500 && h.goSavedView) {
        awaitingG = 0;
        event.preventDefault();
        h.goSavedView(Number(key) - 1);
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

export { INBOX_KEYS, SHORTCUTS } from './inbox-keys.ts';

/** What the list's keys act on. */
export interface ListKeyTargets {
  view: ViewName;
  ids: readonly string[];
  byId: ReadonlyMap<string, Notification>;
  listSelection: ReturnType<typeof useListSelection>;
  /** The notification open in the reading pane, and the pane's own moves. */
  pane: {
    openId: string | null;
    open: (notification: Notification) => void;
    step: (delta: 1 | -1) => void;
    closePane: () => void;
  };
  actions: InboxActions;
  /** "Select all N matching": Esc stops it, and clears the selection. */
  matching: { progress: unknown; clear: () => void };
  openSnoozeMenu: (target: SnoozeMenuTarget | null) => void;
  goInbox: () => void;
  goSavedView?: (index: number) => void;
  help: () => void;
}

const paneBody = () => document.querySelector<HTMLElement>('[data-reading-pane-body]');

/** The inbox list's keyboard map: each key to what it does on the rows, the selection and the reading pane. */
export function useListShortcuts(list: ListKeyTargets) {
  const { view, actions, pane } = list;
  const { openId } = pane;
  const { selection, dispatch, move, focusRow } = list.listSelection;
  const handlers: ShortcutHandlers = {
    move: (delta) => (openId ? pane.step(delta > 0 ? 1 : -1) : move(delta)),
    open: () => {
      const focused = selection.focusedId ? list.byId.get(selection.focusedId) : undefined;
      if (focused) pane.open(focused);
    },
    dismiss: () => view !== 'dismissed' && actions.dismiss(actionTargets(selection)),
    restore: () => view === 'dismissed' && actions.restore(actionTargets(selection)),
    read: () => actions.read(actionTargets(selection)),
    toggle: () => selection.focusedId && dispatch({ type: 'toggle', id: selection.focusedId }),
    range: () =>
      selection.focusedId && dispatch({ type: 'range', id: selection.focusedId, ids: list.ids }),
    selectAll: () => dispatch({ type: 'selectAll', ids: list.ids }),
    // Esc clears a selection first; then it closes the pane, focus back on the open row.
    clear: () =>
      selection.selected.size > 0 || list.matching.progress
        ? list.matching.clear()
        : pane.closePane(),
    // The first filter control shown: the "Filters" button on a phone, else the first control. The filter bar's
    // code may still be on its way when the rows are already painted: then focus goes there the moment it shows.
    focusFilters: () => focusFirstFilter(),
    focusSearch: () => document.querySelector<HTMLInputElement>('[data-inbox-search]')?.focus(),
    goInbox: list.goInbox,
    goSavedView: list.goSavedView,
    mute: () => view !== 'dismissed' && actions.mute(actionTargets(selection)),
    help: list.help,
    undo: actions.undo,
    // With rows selected, the selection bar's menu; else the current row's (the open one, with the pane open).
    snooze: () =>
      view !== 'dismissed' &&
      list.openSnoozeMenu(
        selection.selected.size > 0 ? 'selection' : openId ? 'pane' : selection.focusedId,
      ),
    reply: () => {
      const body = paneBody();
      if (openId && body) focusComposer(body);
    },
    enterPane: () => openId && paneBody()?.focus(),
    leavePane: () => openId && focusRow(openId),
  };
  useInboxShortcuts(handlers);
  // The same actions in the command palette, and the snooze presets on what `h` would snooze.
  const snoozeTargets = () =>
    selection.selected.size > 0
      ? [...selection.selected]
      : (openId ?? selection.focusedId)
        ? [(openId ?? selection.focusedId) as string]
        : [];
  useListCommands(
    view,
    {
      ...handlers,
      next: () => handlers.move(1),
      previous: () => handlers.move(-1),
      snooze: () => handlers.snooze?.(),
      mute: () => handlers.mute?.(),
      reply: () => handlers.reply?.(),
    },
    (wakeAt) => {
      const ids = snoozeTargets();
      if (ids.length > 0) actions.snooze(ids, wakeAt);
    },
  );
}

const firstFilter = () =>
  [
    ...document.querySelectorAll<HTMLElement>(
      '[role="search"] button[aria-expanded], [role="search"] summary, [role="search"] select',
    ),
  ].find((element) => element.offsetParent !== null);

/** Focuses the first filter control, waiting up to `tries` frames for the filter bar to show. */
function focusFirstFilter(tries = 120) {
  const control = firstFilter();
  if (control) control.focus();
  else if (tries > 0) requestAnimationFrame(() => focusFirstFilter(tries - 1));
}
