import type { Notification } from '../../../api/notifications.ts';
import { lazyPage } from '../../../components/LazyPage.tsx';
import type { InboxActions } from '../api/use-inbox-actions.ts';
import { SnoozeMenu } from '../components/SnoozeMenu.tsx';
import type { usePaneNavigation } from './use-pane-navigation.ts';

// The reading pane is not part of the first screen: it downloads when a notification is first opened beside it.
const ReadingPane = lazyPage(
  () => import('./ReadingPane.tsx').then((module) => module.ReadingPane),
  {
    part: true,
  },
);

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
          <SnoozeMenu
            label="Snooze"
            onSnooze={(wakeAt) => actions.snooze([openId], wakeAt)}
            openRequest={props.snoozeRequest}
          >
            Snooze
          </SnoozeMenu>
        )
      }
    />
  );
}
