import { useEffect, useMemo, useRef } from 'react';
import { useCommands, type Command } from '../../../lib/commands.ts';
import type { ViewName } from '../model/filters.ts';
import { isoWithOffset, snoozePresets } from '../model/snooze-times.ts';
import { INBOX_KEYS } from './inbox-keys.ts';

/** The list's actions the palette offers (`g i` is the palette's own "Inbox"; → ← only mean something on keys). */
export type ListAction =
  | 'dismiss'
  | 'restore'
  | 'read'
  | 'snooze'
  | 'mute'
  | 'undo'
  | 'open'
  | 'reply'
  | 'next'
  | 'previous'
  | 'toggle'
  | 'range'
  | 'selectAll'
  | 'clear'
  | 'focusSearch'
  | 'focusFilters'
  | 'help';

/** The list's actions the palette offers, in its order: the keys' own names and shortcuts (INBOX_KEYS). */
const ACTIONS: readonly ListAction[] = [
  'dismiss',
  'restore',
  'read',
  'snooze',
  'mute',
  'undo',
  'open',
  'reply',
  'next',
  'previous',
  'toggle',
  'range',
  'selectAll',
  'clear',
  'focusSearch',
  'focusFilters',
  'help',
];

const PRESETS = snoozePresets(new Date()).map(({ name, label }) => ({ name, label }));

/**
 * Offers the inbox list's actions in the command palette while the list is on screen: the same handlers the keys
 * call (always the latest), on the selection, else the open or current notification, and the snooze presets.
 */
export function useListCommands(
  view: ViewName,
  handlers: Record<ListAction, () => void>,
  snoozeUntil: (wakeAt: string) => void,
) {
  const latest = useRef({ handlers, snoozeUntil });
  useEffect(() => {
    latest.current = { handlers, snoozeUntil };
  });
  const commands = useMemo((): Command[] => {
    const inDismissed = view === 'dismissed';
    const actions = ACTIONS.filter((name) =>
      inDismissed ? name !== 'dismiss' && name !== 'snooze' && name !== 'mute' : name !== 'restore',
    ).map((name): Command => ({
      id: `action:${name}`,
      label: INBOX_KEYS[name].label,
      group: 'Actions',
      shortcut: INBOX_KEYS[name].keys,
      keywords: name === 'help' ? 'keyboard shortcuts keys' : undefined,
      run: () => latest.current.handlers[name](),
    }));
    const snoozes = inDismissed
      ? []
      : PRESETS.map(({ name, label }): Command => ({
          id: `snooze:${name}`,
          label: `Snooze until ${label}`,
          group: 'Snooze',
          keywords: 'later remind',
          run: () => {
            const preset = snoozePresets(new Date()).find((each) => each.name === name);
            if (preset) latest.current.snoozeUntil(isoWithOffset(preset.wakeAt));
          },
        }));
    return [...actions, ...snoozes];
  }, [view]);
  useCommands(commands);
}
