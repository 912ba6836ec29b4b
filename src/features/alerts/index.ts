/** Desktop notifications: the device's settings, the one seam that announces arrivals, and the frame's part. */
export {
  useAlertSettings,
  type AlertSettings,
  type DesktopNotificationMode,
  type QuietHours,
} from './alert-settings.ts';
export { announceArrivals, excludeFromAlerts } from './announce.ts';
export { DesktopAlerts } from './DesktopAlerts.tsx';
