import { useEffect, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { getNotifications } from '../../api/notifications.ts';
import { storedAlertMode, subscribeAlertMode } from './alert-mode.ts';

const permitted = () =>
  typeof Notification !== 'undefined' && Notification.permission === 'granted';

/**
 * In the app's frame, on every page: while desktop notifications are on (and allowed), this tab takes part in
 * watching for new ones and opens the one clicked. Their code downloads only then: the first paint carries only
 * the setting.
 */
export function DesktopAlerts() {
  const navigate = useNavigate();
  const mode = useSyncExternalStore(subscribeAlertMode, storedAlertMode, () => 'off' as const);
  const on = mode !== 'off' && permitted();

  useEffect(() => {
    if (!on) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./desktop-alerts-runtime.ts')
      .then((module) => {
        if (!cancelled)
          stop = module.startDesktopAlerts((to) => void navigate(to), getNotifications);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [on, navigate]);
  return null;
}
