import { usePaneSettings, type AfterDismiss } from '../inbox/index.ts';
import { Choices, SettingsSection } from './SettingsSection.tsx';

const AFTER_DISMISS = [
  { value: 'next', label: 'The next notification', hint: 'The one below it in the list' },
  { value: 'previous', label: 'The previous notification', hint: 'The one above it' },
] as const satisfies readonly { value: AfterDismiss; label: string; hint?: string }[];

/** What the reading pane opens after the open notification is dismissed. */
export function ReadingPaneSettings() {
  const [settings, update] = usePaneSettings();
  return (
    <SettingsSection title="Reading pane">
      <Choices
        legend="After dismissing the open notification, open"
        name="after-dismiss"
        value={settings.afterDismiss}
        choices={AFTER_DISMISS}
        onChange={(afterDismiss) => update({ afterDismiss })}
      />
    </SettingsSection>
  );
}
