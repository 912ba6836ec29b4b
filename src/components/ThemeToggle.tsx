import { useState } from 'react';
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
      className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      onClick={() => {
        const next = NEXT[theme];
        saveTheme(next);
        setTheme(next);
      }}
    >
      Theme: {LABEL[theme]}
    </button>
  );
}
