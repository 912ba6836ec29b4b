import { lazy, Suspense, useEffect } from 'react';
import type { ListKeyTargets } from './use-inbox-shortcuts.ts';
import { loadPatiently } from '../../../lib/load-patiently.ts';
import { useListGoTo } from '../api/use-list-go-to.ts';

/**
 * The list's keys (and their palette commands) are not needed to paint the first rows: their code downloads as
 * soon as this module runs, beside the first list request. A key pressed before it has arrived is not lost: it is
 * held here and pressed again, on the same element, once the keys listen.
 */
const SHORTCUT_KEY = /^([jkoeEIxX*/f?zhrmgi1-9]|ArrowDown|ArrowUp)$/;

let held: { target: EventTarget | null; init: KeyboardEventInit }[] | null = [];

const hold = (event: KeyboardEvent) => {
  const target = event.target;
  const typing =
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (!held || event.defaultPrevented || event.altKey || typing) return;
  const undo = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z';
  if (!undo && (event.ctrlKey || event.metaKey || !SHORTCUT_KEY.test(event.key))) return;
  event.preventDefault();
  const { key, code, shiftKey, ctrlKey, metaKey } = event;
  held.push({
    target,
    init: { key, code, shiftKey, ctrlKey, metaKey, bubbles: true, cancelable: true },
  });
};
// Held from the list's first render (not when this module loads: it is part of the app's first chunk, and on
// another page the keys are that page's) until the keys listen.
let holding = false;
function startHolding() {
  if (holding || !held || typeof document === 'undefined') return;
  holding = true;
  document.addEventListener('keydown', hold);
}

/** The keys now listen: what was pressed meanwhile is pressed again, in order. */
function replayHeld() {
  const pressed = held ?? [];
  held = null;
  document.removeEventListener('keydown', hold);
  for (const { target, init } of pressed) {
    const on = target instanceof Node && target.isConnected ? target : document.body;
    on.dispatchEvent(new KeyboardEvent('keydown', init));
  }
}

const shortcutsLoading = loadPatiently(() => import('./use-inbox-shortcuts.ts'));

const ListShortcuts = lazy(() =>
  shortcutsLoading.then(({ useListShortcuts }) => ({
    default: function ListShortcuts(props: ListKeyTargets) {
      useListShortcuts(props);
      // After the keys' own effect has added their listener.
      useEffect(replayHeld, []);
      return null;
    },
  })),
);

/**
 * The inbox list's keyboard map (use-inbox-shortcuts.ts), once its code has arrived; its `g` keys go to the Inbox
 * view (`inboxViewHref`, with the filters) and to the saved views.
 */
export function LazyListShortcuts({
  inboxViewHref,
  ...props
}: Omit<ListKeyTargets, 'goInbox' | 'goSavedView'> & { inboxViewHref: string }) {
  startHolding();
  const goTo = useListGoTo(inboxViewHref);
  return (
    <Suspense fallback={null}>
      <ListShortcuts {...props} {...goTo} />
    </Suspense>
  );
}
