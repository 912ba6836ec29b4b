import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { inboxAddress, notificationAddress } from '../../lib/addresses.ts';
import { useAlertSettings } from './alert-settings.ts';
import { setAlertOpener } from './announce.ts';

/** The reading pane's width (features/inbox/pane/use-reading-pane.ts): below it a notification opens on its page. */
const PANE_MEDIA_QUERY = '(min-width: 1024px)';

const permitted = () =>
  typeof Notification !== 'undefined' && Notification.permission === 'granted';

/**
 * In the app's frame, on every page: while desktop notifications are on (and allowed), this tab takes part in
 * watching for new ones (one tab of the browser watches), and a clicked desktop notification opens here: beside
 * the list from 1024 px, on its own page on a phone. The watch's code downloads only when the setting is on.
 */
export function DesktopAlerts() {
  const navigate = useNavigate();
  const [settings] = useAlertSettings();
  const on = settings.mode !== 'off' && permitted();

  useEffect(() => {
    setAlertOpener((id) => {
      const wide = window.matchMedia?.(PANE_MEDIA_QUERY).matches ?? true;
      void navigate(
        id === null
          ? inboxAddress('inbox')
          : wide
            ? inboxAddress('inbox', undefined, id)
            : notificationAddress(id),
      );
    });
    return () => setAlertOpener(null);
  }, [navigate]);

  useEffect(() => {
    if (!on) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./arrival-watch.ts')
      .then((module) => {
        if (!cancelled) stop = module.startArrivalWatch();
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [on]);
  return null;
}
