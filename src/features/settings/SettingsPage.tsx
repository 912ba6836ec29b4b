import { useEffect } from 'react';
import { Link } from 'react-router';
import { MutedSettings } from './MutedSettings.tsx';

/** /settings: the person's and the device's choices, one section each. */
export function SettingsPage() {
  useEffect(() => {
    document.title = 'Settings';
  }, []);
  return (
    <main className="mx-auto max-w-2xl px-4 py-6">
      <p>
        <Link to="/" className="text-sm text-brand-700 underline dark:text-brand-100">
          ← Inbox
        </Link>
      </p>
      <h1 className="mt-2 text-xl font-semibold">Settings</h1>
      <MutedSettings />
    </main>
  );
}
