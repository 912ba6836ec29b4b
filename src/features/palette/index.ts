/** The command palette (Ctrl/Cmd+K), for the app's frame; features offer commands through lib/commands.ts. */
export { PaletteLauncher } from './PaletteLauncher.tsx';
