import { formatCount } from '../../../lib/formats.ts';
import type { InboxAction } from './inbox-actions.ts';

/** What one "Done · Undo" toast stands for: one action on some notifications, maybe taken several times running. */
export interface Burst {
  action: InboxAction;
  ids: string[];
  /** The notification's title, when the burst is one notification. */
  describe?: string;
  /** A snooze's wake time: only snoozes until the same time join. */
  wakeAt?: string;
}

/**
 * The burst the next action makes: with the one whose toast is shown, when it is the same action (and, for a
 * snooze, the same wake time), so that "Marked 5 as read · Undo" stands for all five; else a burst of its own.
 */
export function joinBurst(shown: Burst | null, next: Burst): Burst {
  if (!shown || shown.action !== next.action || shown.wakeAt !== next.wakeAt) return next;
  const ids = [...new Set([...shown.ids, ...next.ids])];
  return {
    action: next.action,
    ids,
    ...(ids.length === 1 && next.describe ? { describe: next.describe } : {}),
    ...(next.wakeAt ? { wakeAt: next.wakeAt } : {}),
  };
}

const DONE_ONE: Record<InboxAction, string> = {
  read: 'Marked as read',
  dismiss: 'Dismissed',
  undismiss: 'Restored',
  snooze: 'Snoozed',
  unsnooze: 'Unsnoozed',
  wake: 'Woke',
};

/** The toast's words: "Dismissed “Fix the login”", "Marked 5 as read", "Snoozed 2 notifications until Tue 9:00". */
export function burstMessage(
  burst: Burst,
  until?: string,
  locale?: string,
  /** The action's own word instead ("Muted" for a dismiss that mutes). */
  word?: string,
): string {
  const count = burst.ids.length;
  const done =
    count === 1 && burst.describe
      ? `${word ?? DONE_ONE[burst.action]} “${burst.describe}”`
      : word
        ? `${word} ${formatCount(count, locale)} notification${count === 1 ? '' : 's'}`
        : burst.action === 'read'
          ? `Marked ${formatCount(count, locale)} as read`
          : `${DONE_ONE[burst.action]} ${formatCount(count, locale)} notification${count === 1 ? '' : 's'}`;
  return until ? `${done} until ${until}` : done;
}
