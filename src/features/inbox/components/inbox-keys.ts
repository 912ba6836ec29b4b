/**
 * The one list of the inbox's keys: the shortcut help shows it, and the command palette takes each action's
 * name and keys from it (`useListCommands`), so a key is never written twice.
 */
export const INBOX_KEYS = {
  next: { keys: 'j / ↓', label: 'Next notification' },
  previous: { keys: 'k / ↑', label: 'Previous notification' },
  open: { keys: 'Enter / o', label: 'Open' },
  dismiss: { keys: 'e', label: 'Dismiss' },
  restore: { keys: 'Shift + E', label: 'Restore (in Dismissed)' },
  read: { keys: 'Shift + I', label: 'Mark as read' },
  snooze: { keys: 'h', label: 'Snooze' },
  mute: { keys: 'm', label: 'Mute the item (and dismiss)' },
  reply: { keys: 'r', label: 'Reply (in the reading pane)' },
  toggle: { keys: 'x', label: 'Select or unselect' },
  range: { keys: 'Shift + X', label: 'Select a range' },
  selectAll: { keys: '*', label: 'Select all loaded' },
  clear: { keys: 'Esc', label: 'Clear the selection, then close the reading pane' },
  pane: { keys: '→ / ←', label: 'Into the reading pane / back to the list' },
  focusSearch: { keys: '/', label: 'Search' },
  focusFilters: { keys: 'f', label: 'Go to the filters' },
  goInbox: { keys: 'g then i', label: 'Go to the Inbox' },
  goSavedView: { keys: 'g then 1…9', label: 'Open a saved view' },
  moveSavedView: { keys: 'Alt + ↑ / ↓', label: 'Move a saved view (on its link)' },
  undo: { keys: 'z / Ctrl + Z', label: 'Undo' },
  palette: { keys: 'Ctrl + K / ⌘ K', label: 'Find any action or place' },
  help: { keys: '?', label: 'This help' },
} as const satisfies Record<string, { keys: string; label: string }>;

export const SHORTCUTS: [string, string][] = Object.values(INBOX_KEYS).map(({ keys, label }) => [
  keys,
  label,
]);
