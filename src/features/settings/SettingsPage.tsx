import { useEffect } from 'react';
import { Link } from 'react-router';
import { inboxAddress } from '../../lib/addresses.ts';
import { AppearanceSettings } from './AppearanceSettings.tsx';
import { MutedSettings } from './MutedSettings.tsx';
import { DesktopNotificationSettings } from './DesktopNotificationSettings.tsx';
import { ReadingPaneSettings } from './ReadingPaneSettings.tsx';

/**
 * `/settings`: a list of sections, each a component of its own (other features add theirs here). The device's
 * choices are kept in this browser's storage, shared by its tabs and kept through sign-out.
 */
export function SettingsPage() {
  useEffect(() => {
    document.title = 'Settings';
  }, []);
  return (
    <main className="mx-auto max-w-2xl px-4 py-4">
      <Link
        to={inboxAddress('inbox')}
        className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
      >
        ← Inbox
      </Link>
      <h1 className="mt-2 text-xl font-semibold">Settings</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        These settings are for this browser on this device.
      </p>
      <AppearanceSettings />
      <ReadingPaneSettings />
      <DesktopNotificationSettings />
      <MutedSettings />
    </main>
  );
}
