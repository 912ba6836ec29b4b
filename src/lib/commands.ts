import { useEffect } from 'react';

/**
 * The command palette's registry (Ctrl/Cmd+K): every part of the app that offers actions or places registers them
 * here while it is on screen, with the shortcut that does the same (from the same list the shortcuts and their
 * help use), and the palette lists what is registered when it opens. Saved views and Mute add theirs the same way.
 */
export interface Command {
  /** Unique among the commands on screen, stable: `view:inbox`, `action:dismiss`. */
  id: string;
  label: string;
  /** Where it is listed: Go to, Actions, Snooze, Filters, Saved views, … */
  group: string;
  /** The keys that do the same, as the shortcut help writes them ("e", "g then i"). */
  shortcut?: string;
  /** More words it is found by. */
  keywords?: string;
  run: () => void;
}

const sources = new Map<symbol, readonly Command[]>();
const listeners = new Set<() => void>();
let snapshot: readonly Command[] = [];

function changed() {
  snapshot = [...sources.values()].flat();
  for (const listener of listeners) listener();
}

/** Offers these commands until the returned function is called. */
export function registerCommands(commands: readonly Command[]): () => void {
  const key = Symbol('commands');
  sources.set(key, commands);
  changed();
  return () => {
    sources.delete(key);
    changed();
  };
}

/** Every command offered now, in the order their parts registered them. */
export const listCommands = (): readonly Command[] => snapshot;

export function subscribeCommands(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Offers `commands` while the component is mounted (memoize them: a new list registers again). */
export function useCommands(commands: readonly Command[]) {
  useEffect(() => registerCommands(commands), [commands]);
}

const openers = new Set<() => void>();
/** Opens the palette (its button on a phone; Ctrl/Cmd+K is the palette's own). */
export function openCommandPalette() {
  for (const open of openers) open();
}
export function onOpenCommandPalette(open: () => void): () => void {
  openers.add(open);
  return () => openers.delete(open);
}

/** The palette's own shortcut, as the help lists it. */
export const PALETTE_SHORTCUT = 'Ctrl + K / ⌘ K';

/** True when every word typed is found in the command's group, label or keywords (case-insensitive). */
export function matchesCommand(command: Command, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = `${command.group} ${command.label} ${command.keywords ?? ''}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * How well a matching command fits what is typed, best first: its label is it (0), starts with it (1), holds every
 * word (2), or only its group or keywords do (3). The palette lists the best fits first.
 */
export function commandFit(command: Command, query: string): number {
  const typed = query.trim().toLowerCase();
  const label = command.label.toLowerCase();
  if (!typed || label === typed) return 0;
  if (label.startsWith(typed)) return 1;
  return typed.split(/\s+/).every((word) => label.includes(word)) ? 2 : 3;
}
