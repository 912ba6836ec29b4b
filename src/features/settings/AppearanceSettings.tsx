import { useState } from 'react';
import { readTheme, saveTheme, type ThemePreference } from '../../lib/theme.ts';
import { Choices, SettingsSection } from './SettingsSection.tsx';

const THEMES = [
  { value: 'system', label: 'System', hint: 'Light or dark as this device is set' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const satisfies readonly { value: ThemePreference; label: string; hint?: string }[];

/** The theme (the sidebar's toggle sets the same). */
export function AppearanceSettings() {
  const [theme, setTheme] = useState(readTheme);
  return (
    <SettingsSection title="Appearance">
      <Choices
        legend="Theme"
        name="theme"
        value={theme}
        choices={THEMES}
        onChange={(next) => {
          saveTheme(next);
          setTheme(next);
        }}
      />
    </SettingsSection>
  );
}
