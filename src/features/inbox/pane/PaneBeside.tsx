import type { Notification } from '../../../api/notifications.ts';
import { lazyPage } from '../../../components/LazyPage.tsx';
import type { InboxActions } from '../api/use-inbox-actions.ts';
import { SnoozeMenu } from '../components/SnoozeMenu.tsx';
import { MUTE_SCOPE_NOTE } from '../../../lib/mutes.ts';
import type { usePaneNavigation } from './use-pane-navigation.ts';

// The reading pane is not part of the first screen: it downloads when a notification is first opened beside it.
const ReadingPane = lazyPage(
  () => import('./ReadingPane.tsx').then((module) => module.ReadingPane),
  {
    part: true,
  },
);

const MUTE_BUTTON =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

interface Props {
  ids: readonly string[];
  byId: ReadonlyMap<string, Notification>;
  navigation: ReturnType<typeof usePaneNavigation>;
  actions: InboxActions;
  listReady: boolean;
  inDismissedView: boolean;
  /** Opens the pane's snooze menu when it changes (the `h` key). */
  snoozeRequest: number;
}

/** The reading pane beside the list, on the notification open in it (none: nothing): stepping, closing, actions. */
export function PaneBeside({ ids, byId, navigation, actions, ...props }: Props) {
  const { openId, openIndex, step, closePane, firstUnreadOf } = navigation;
  if (!openId) return null;
  const notification = byId.get(openId);
  return (
    <ReadingPane
      notificationId={openId}
      notification={notification}
      firstUnreadActivityId={firstUnreadOf(notification)}
      listReady={props.listReady}
      hasPrevious={openIndex > 0 || (openIndex === -1 && ids.length > 0)}
      hasNext={openIndex === -1 ? ids.length > 0 : openIndex < ids.length - 1}
      onStep={step}
      onClose={closePane}
      onLeave={(action) => (action === 'dismiss' ? actions.dismiss : actions.restore)([openId])}
      inDismissedView={props.inDismissedView}
      actions={
        !props.inDismissedView &&
        notification && (
          <>
            <SnoozeMenu
              label="Snooze"
              onSnooze={(wakeAt) => actions.snooze([openId], wakeAt)}
              openRequest={props.snoozeRequest}
            >
              Snooze
            </SnoozeMenu>
            <button
              type="button"
              className={MUTE_BUTTON}
              onClick={() => actions.mute([openId])}
              aria-keyshortcuts="m"
              title={`Dismiss new notifications on this item as they arrive, unless they mention you. ${MUTE_SCOPE_NOTE}`}
            >
              Mute <kbd className="keyboard-hint">m</kbd>
            </button>
          </>
        )
      }
    />
  );
}
