import type { getNotifications } from '../../api/notifications.ts';
import { inboxAddress, notificationAddress } from '../../lib/addresses.ts';
import { setAlertOpener } from './announce.ts';
import { startArrivalWatch } from './arrival-watch.ts';

/** The reading pane's width (features/inbox/pane/use-reading-pane.ts): below it a notification opens on its page. */
const PANE_MEDIA_QUERY = '(min-width: 1024px)';

/**
 * While desktop notifications are on in this tab: a clicked one opens here (beside the list from 1024 px, on its
 * own page on a phone; a grouped one opens the Inbox), and this tab takes part in watching for new ones.
 */
export function startDesktopAlerts(
  navigate: (to: string) => void,
  fetchNotifications: typeof getNotifications,
): () => void {
  setAlertOpener((id) => {
    const wide = window.matchMedia?.(PANE_MEDIA_QUERY).matches ?? true;
    navigate(
      id === null
        ? inboxAddress('inbox')
        : wide
          ? inboxAddress('inbox', undefined, id)
          : notificationAddress(id),
    );
  });
  const stopWatch = startArrivalWatch(fetchNotifications);
  return () => {
    stopWatch();
    setAlertOpener(null);
  };
}
