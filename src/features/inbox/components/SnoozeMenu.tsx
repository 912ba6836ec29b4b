import {
  lazy,
  Suspense,
  useCallback,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

export interface SnoozeMenuProps {
  /** The trigger's accessible name: "Snooze: <title>", "Snooze 3 notifications". */
  label: string;
  /** Runs with the chosen wake time (ISO 8601 with the person's offset) once the menu has closed. */
  onSnooze: (wakeAt: string) => void;
  /** Opens the menu (focus on its first item) each time it changes to a new number above 0: the `h` key. */
  openRequest?: number;
  /** The trigger's visible text. */
  children?: ReactNode;
  className?: string;
}

// The panel is its own chunk, outside the inbox's first render; it is fetched as soon as the page is idle, so
// that it is there when the server later cannot be reached.
const loadPanel = () => import('./SnoozePanel.tsx');
const SnoozePanel = lazy(() => loadPanel().then((module) => ({ default: module.SnoozePanel })));
let preloaded = false;
function preloadPanel() {
  if (preloaded || typeof window === 'undefined') return;
  preloaded = true;
  const load = () => void loadPanel().catch(() => (preloaded = false));
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1000);
}

const triggerClass =
  'rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * "Snooze": a menu button with the presets (later today, tomorrow 9:00, next Monday 9:00, each with the time it
 * means) and "Pick a date and time…" (SnoozePanel.tsx). Enter, Space or an arrow opens it; focus returns to the
 * trigger when it closes.
 */
export function SnoozeMenu({
  label,
  onSnooze,
  openRequest = 0,
  children = 'Snooze',
  className = triggerClass,
}: SnoozeMenuProps) {
  preloadPanel();
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const openMenu = useCallback(() => {
    setNow(new Date());
    setOpen(true);
  }, []);
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) trigger.current?.focus();
  }, []);
  const choose = (wakeAt: string) => {
    close(true);
    onSnooze(wakeAt);
  };

  // A new request from the keyboard opens it (state adjusted while rendering, not in an effect).
  const [seenRequest, setSeenRequest] = useState(openRequest);
  if (openRequest !== seenRequest) {
    setSeenRequest(openRequest);
    if (openRequest > 0) openMenu();
  }

  const onTriggerKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      openMenu();
    }
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(true) : openMenu())}
        onKeyDown={onTriggerKeyDown}
      >
        {children}
      </button>
      {open && (
        <Suspense fallback={null}>
          <SnoozePanel id={panelId} trigger={trigger} now={now} onChoose={choose} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
