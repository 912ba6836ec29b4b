/** The settings feature's public surface: its page, in a chunk of its own, for the app's routes. */
export const loadSettingsPage = () =>
  import('./SettingsPage.tsx').then((module) => module.SettingsPage);
