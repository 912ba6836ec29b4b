import {
  INBOX_VIEW_PATHS,
  isAddressId,
  settingsAddress,
  snoozedAddress,
  taskAddress,
} from '../../lib/addresses.ts';
import type { Command } from '../../lib/commands.ts';

type Navigate = (to: string) => void;

/** The places every page offers: the views, Snoozed and Settings. */
export function placeCommands(navigate: Navigate): Command[] {
  const place = (id: string, label: string, to: string, shortcut?: string): Command => ({
    id: `place:${id}`,
    label,
    group: 'Go to',
    shortcut,
    keywords: 'view go open',
    run: () => navigate(to),
  });
  return [
    place('inbox', 'Inbox', INBOX_VIEW_PATHS.inbox, 'g then i'),
    place('important', 'Important', INBOX_VIEW_PATHS.important),
    place('mentions', 'Mentions', INBOX_VIEW_PATHS.mentions),
    place('dismissed', 'Dismissed', INBOX_VIEW_PATHS.dismissed),
    place('snoozed', 'Snoozed', snoozedAddress()),
    {
      ...place('settings', 'Settings', settingsAddress()),
      group: 'Settings',
      keywords: 'preferences theme dark light desktop notifications quiet hours after dismiss',
    },
  ];
}

const TASK_NUMBER = /^\s*(?:task\s*)?#?\s*(\d{1,15})\s*$/i;

/** "Go to task #123" when what is typed is a task's number ("123", "#123", "task 123"). */
export function taskCommand(query: string, navigate: Navigate): Command | null {
  const id = TASK_NUMBER.exec(query)?.[1];
  if (!id || !isAddressId(id)) return null;
  return {
    id: `task:${id}`,
    label: `Go to task #${id}`,
    group: 'Go to',
    run: () => navigate(taskAddress(Number(id))),
  };
}
