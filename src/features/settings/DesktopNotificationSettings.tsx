import { useId, useState } from 'react';
import {
  useAlertSettings,
  type DesktopNotificationMode,
  type QuietHours,
} from '../alerts/index.ts';
import { Choices, SettingsSection } from './SettingsSection.tsx';

const MODES = [
  { value: 'all', label: 'All new', hint: 'Every new notification in the Inbox' },
  {
    value: 'important',
    label: 'Mentions and important',
    hint: 'Only those that mention you or are marked important',
  },
  { value: 'off', label: 'Off' },
] as const satisfies readonly { value: DesktopNotificationMode; label: string; hint?: string }[];

type Permission = NotificationPermission | 'unsupported';
const currentPermission = (): Permission =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/** Every time zone this browser knows, the person's own first. */
function timeZones(own: string): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  return [own, ...all.filter((zone) => zone !== own)];
}

/**
 * Desktop notifications for this device: which ones (off by default) and quiet hours. The browser's permission is
 * asked only when they are turned on; a refusal keeps them off and says how to allow them.
 */
export function DesktopNotificationSettings() {
  const [settings, update] = useAlertSettings();
  const [permission, setPermission] = useState(currentPermission);
  const [asking, setAsking] = useState(false);

  const choose = async (mode: DesktopNotificationMode) => {
    if (mode === 'off') return update({ mode });
    let answer = currentPermission();
    if (answer === 'default') {
      setAsking(true);
      try {
        answer = await Notification.requestPermission();
      } catch {
        answer = currentPermission();
      } finally {
        setAsking(false);
      }
    }
    setPermission(answer);
    if (answer === 'granted') update({ mode });
  };

  const refused = permission === 'denied';
  return (
    <SettingsSection
      title="Desktop notifications"
      description="Shown by this browser when something new arrives, even with the tab in the background: once per browser, however many tabs are open. Five or more at once come as one. Productive's own email and app notifications are not changed."
    >
      <Choices
        legend="Notify me of"
        name="desktop-notifications"
        value={refused || permission === 'unsupported' ? 'off' : settings.mode}
        choices={MODES}
        onChange={(mode) => void choose(mode)}
      />
      <div aria-live="polite" className="mt-3 text-sm">
        {asking && <p>Waiting for your answer in the browser's prompt…</p>}
        {refused && (
          <div
            role="alert"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            <p className="font-medium">This browser blocks notifications from the inbox.</p>
            <p className="mt-1">
              To allow them, open this site's settings from the icon at the left of the address bar
              (a padlock or sliders; in Safari, Settings › Websites › Notifications), set
              Notifications to Allow, reload the page and choose again here.
            </p>
          </div>
        )}
        {permission === 'unsupported' && (
          <p role="alert">This browser cannot show desktop notifications.</p>
        )}
      </div>
      <QuietHoursSettings
        quiet={settings.quietHours}
        onChange={(change) => update({ quietHours: { ...settings.quietHours, ...change } })}
      />
    </SettingsSection>
  );
}

function QuietHoursSettings({
  quiet,
  onChange,
}: {
  quiet: QuietHours;
  onChange: (change: Partial<QuietHours>) => void;
}) {
  const id = useId();
  const [zones] = useState(() => timeZones(quiet.timeZone));
  const field =
    'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';
  return (
    <fieldset className="mt-6">
      <legend className="text-sm font-medium">Quiet hours</legend>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={quiet.on}
          onChange={(event) => onChange({ on: event.target.checked })}
        />
        No desktop notifications during these hours, every day
      </label>
      <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1" htmlFor={`${id}-from`}>
          From
          <input
            id={`${id}-from`}
            type="time"
            required
            className={field}
            value={quiet.from}
            disabled={!quiet.on}
            onChange={(event) => event.target.value && onChange({ from: event.target.value })}
          />
        </label>
        <label className="flex flex-col gap-1" htmlFor={`${id}-to`}>
          To
          <input
            id={`${id}-to`}
            type="time"
            required
            className={field}
            value={quiet.to}
            disabled={!quiet.on}
            onChange={(event) => event.target.value && onChange({ to: event.target.value })}
          />
        </label>
        <label className="flex min-w-0 flex-col gap-1" htmlFor={`${id}-zone`}>
          Time zone
          <select
            id={`${id}-zone`}
            className={`${field} max-w-full`}
            value={quiet.timeZone}
            disabled={!quiet.on}
            onChange={(event) => onChange({ timeZone: event.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
