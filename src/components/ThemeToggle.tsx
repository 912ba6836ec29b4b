import { useState } from 'react';
import { Icon } from './icons.tsx';
import { readTheme, saveTheme, type ThemePreference } from '../lib/theme.ts';

const NEXT: Record<ThemePreference, ThemePreference> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};
const LABEL: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeToggle() {
  const [theme, setTheme] = useState(readTheme);
  return (
    <button
      type="button"
      title={`Theme: ${LABEL[theme]}`}
      className="inline-flex min-h-6 min-w-6 items-center justify-center rounded-md px-1 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 sm:px-2 dark:text-slate-300 dark:hover:bg-slate-800"
      onClick={() => {
        const next = NEXT[theme];
        saveTheme(next);
        setTheme(next);
      }}
    >
      {/* On a phone's one line, an icon (the view tabs need the room); named on screen in the sidebar. */}
      <Icon name="theme" className="size-4 sm:hidden" />
      <span className="sr-only sm:not-sr-only">Theme: {LABEL[theme]}</span>
    </button>
  );
}
