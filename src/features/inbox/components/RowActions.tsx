import { Icon } from '../../../components/icons.tsx';
import { WriteActions } from '../../../components/WriteActions.tsx';
import { MUTE_SCOPE_NOTE } from '../../../lib/mutes.ts';
import type { InboxActions } from '../api/use-inbox-actions.ts';
import { SnoozeMenu } from './SnoozeMenu.tsx';

const actionClass =
  'inline-flex size-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 dark:text-slate-200 dark:hover:bg-slate-700';

export interface RowActionsProps {
  /** The row's notification, as the actions take it. */
  ids: string[];
  /** Its title as text, for the buttons' names. */
  title: string;
  unread: boolean;
  inDismissedView: boolean;
  actions: InboxActions;
  /** Opens the snooze menu when it changes (the `h` key). */
  snoozeRequest: number;
}

/** A row's buttons: Mark as read, then Snooze, Dismiss and Mute (Restore in the Dismissed view). */
export function RowActions({
  ids,
  title,
  unread,
  inDismissedView,
  actions,
  snoozeRequest,
}: RowActionsProps) {
  return (
    <div
      data-row-actions
      className="row-actions absolute top-1/2 right-2 flex -translate-y-1/2 items-center gap-0.5 rounded-lg border border-slate-200 bg-white p-0.5 shadow-sm sm:right-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <WriteActions>
        {unread && (
          <button
            type="button"
            className={actionClass}
            aria-label={`Mark as read: ${title}`}
            title="Mark as read"
            onClick={() => actions.read(ids)}
          >
            <Icon name="envelope-open" className="size-4" />
          </button>
        )}
        {inDismissedView ? (
          <button
            type="button"
            className={actionClass}
            aria-label={`Restore: ${title}`}
            title="Restore"
            onClick={() => actions.restore(ids)}
          >
            <Icon name="restore" className="size-4" />
          </button>
        ) : (
          <>
            <SnoozeMenu
              label={`Snooze: ${title}`}
              onSnooze={(wakeAt) => actions.snooze(ids, wakeAt)}
              openRequest={snoozeRequest}
              className={actionClass}
            >
              <Icon name="clock" className="size-4" />
            </SnoozeMenu>
            <button
              type="button"
              className={actionClass}
              aria-label={`Dismiss: ${title}`}
              title="Dismiss"
              onClick={() => actions.dismiss(ids)}
            >
              <Icon name="archive" className="size-4" />
            </button>
            <button
              type="button"
              className={actionClass}
              aria-label={`Mute: ${title}`}
              title={`Mute: dismiss new notifications on this item as they arrive, unless they mention you. ${MUTE_SCOPE_NOTE}`}
              onClick={() => actions.mute(ids)}
            >
              <Icon name="bell-off" className="size-4" />
            </button>
          </>
        )}
      </WriteActions>
    </div>
  );
}
