import { createElement, useEffect, useSyncExternalStore, type ComponentType } from 'react';
import type { RowActionsProps } from './RowActions.tsx';

/**
 * A row's buttons (RowActions.tsx) are not part of the first screen: their code downloads as the first rows
 * render. Until it is here, and if it cannot be downloaded (the server went away right after the page loaded),
 * a row goes without them, never with an error; the download is tried again as rows render (the server back, a
 * row changed), so the buttons come as soon as they can. The keys and the swipe never wait for them.
 */
let loaded: ComponentType<RowActionsProps> | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load() {
  loading ??= import('./RowActions.tsx').then(
    (module) => {
      loaded = module.RowActions;
      for (const listener of listeners) listener();
    },
    () => {
      loading = null;
    },
  );
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const current = () => loaded;

export function LazyRowActions(props: RowActionsProps) {
  const Actions = useSyncExternalStore(subscribe, current, current);
  useEffect(() => {
    if (!loaded) load();
  });
  // The one component, loaded once (not made during render).
  return Actions ? createElement(Actions, props) : null;
}

if (typeof window !== 'undefined') load();
