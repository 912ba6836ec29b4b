import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { formatWakeTime } from '../model/wake-time.ts';
import {
  isoWithOffset,
  parsePickedTime,
  snoozePresets,
  toLocalInputValue,
} from '../model/snooze-times.ts';

const PANEL_WIDTH = 288;
const MARGIN = 8;
const itemClass =
  'flex w-full items-baseline justify-between gap-3 rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-brand-100 focus:outline-none focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-700';
const smallButton =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:hover:bg-slate-800';

/** Where the panel goes: under the trigger (above it when there is no room), always inside the viewport. */
function placement(trigger: DOMRect, panelHeight: number) {
  const width = Math.min(PANEL_WIDTH, window.innerWidth - 2 * MARGIN);
  const left = Math.min(
    Math.max(MARGIN, trigger.right - width),
    window.innerWidth - width - MARGIN,
  );
  const below = trigger.bottom + 4;
  const top =
    below + panelHeight > window.innerHeight - MARGIN && trigger.top - panelHeight - 4 >= MARGIN
      ? trigger.top - panelHeight - 4
      : below;
  return { left, top, width };
}

export interface SnoozePanelProps {
  id: string;
  trigger: RefObject<HTMLButtonElement | null>;
  /** When the menu was opened: the presets are worked out from it. */
  now: Date;
  /** The chosen wake time, ISO 8601 with the person's offset. */
  onChoose: (wakeAt: string) => void;
  onClose: (returnFocus: boolean) => void;
}

/**
 * The snooze menu's panel (its own chunk, fetched when the app is idle): the presets, each with the time it means,
 * and "Pick a date and time…". Arrows, Home and End move, Enter chooses, Esc (and Tab) close with focus back on the
 * trigger; a press outside closes it. Placed over the page (a portal into the trigger's landmark), so a row never clips it.
 */
export function SnoozePanel({ id, trigger, now, onChoose, onClose }: SnoozePanelProps) {
  const [mode, setMode] = useState<'menu' | 'picker'>('menu');
  const panel = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: MARGIN, top: 0, width: PANEL_WIDTH });
  const close = useCallback((returnFocus: boolean) => onClose(returnFocus), [onClose]);

  // Placed next to the trigger, and kept there while the page scrolls or resizes.
  useLayoutEffect(() => {
    const place = () => {
      const rect = trigger.current?.getBoundingClientRect();
      if (rect) setPosition(placement(rect, panel.current?.offsetHeight ?? 200));
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [mode, trigger]);

  // A press outside closes it (focus stays where the press put it).
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panel.current?.contains(target) || trigger.current?.contains(target)) return;
      close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [close, trigger]);

  // Focus leaving the panel (Tab past the picker's last button) closes it, where the focus went.
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !element.contains(next) && !trigger.current?.contains(next)) close(false);
    };
    element.addEventListener('focusout', onFocusOut);
    return () => element.removeEventListener('focusout', onFocusOut);
  }, [close, trigger]);

  // Opening puts focus on the first item (the picker: on its field).
  useEffect(() => {
    const first = mode === 'menu' ? '[role="menuitem"]' : 'input';
    panel.current?.querySelector<HTMLElement>(first)?.focus();
  }, [mode]);

  // Keys inside the panel are the panel's: the inbox's shortcuts (on the document) never see them.
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
        return;
      }
      if (mode !== 'menu') return;
      const items = [...element.querySelectorAll<HTMLElement>('[role="menuitem"]')];
      const index = items.indexOf(document.activeElement as HTMLElement);
      const go = (next: number) => {
        event.preventDefault();
        items[(next + items.length) % items.length]?.focus();
      };
      if (event.key === 'ArrowDown') go(index + 1);
      else if (event.key === 'ArrowUp') go(index - 1);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(items.length - 1);
      else if (event.key === 'Tab') {
        event.preventDefault();
        close(true);
      }
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [mode, close]);

  return createPortal(
    <div
      ref={panel}
      id={id}
      data-testid="snooze-panel"
      style={{ left: position.left, top: position.top, width: position.width }}
      className="fixed z-50 rounded-lg border border-slate-200 bg-white p-1 shadow-xl dark:border-slate-700 dark:bg-slate-900"
    >
      {mode === 'menu' ? (
        <div role="menu" tabIndex={-1} aria-label="Snooze until">
          {snoozePresets(now).map((preset) => (
            <button
              key={preset.name}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={itemClass}
              onClick={() => onChoose(isoWithOffset(preset.wakeAt))}
            >
              <span className="font-medium">{preset.label}</span>
              <span className="text-xs text-slate-600 dark:text-slate-300">
                {formatWakeTime(preset.wakeAt, now)}
              </span>
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={itemClass}
            onClick={() => setMode('picker')}
          >
            <span className="font-medium">Pick a date and time…</span>
          </button>
        </div>
      ) : (
        <SnoozePicker
          now={now}
          onPick={(wakeAt) => onChoose(isoWithOffset(wakeAt))}
          onCancel={() => close(true)}
        />
      )}
    </div>,
    // In the trigger's landmark (all content stays in one), at its end, fixed over the page.
    trigger.current?.closest('main, aside, nav, header, footer, [role="region"]') ?? document.body,
  );
}

/** A date and time of the person's choosing (local), refused with a reason when past, invalid or too far. */
function SnoozePicker({
  now,
  onPick,
  onCancel,
}: {
  now: Date;
  onPick: (wakeAt: Date) => void;
  onCancel: () => void;
}) {
  const fieldId = useId();
  const errorId = useId();
  const [value, setValue] = useState(() => toLocalInputValue(snoozePresets(now)[1]?.wakeAt ?? now));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label="Snooze until a date and time"
      className="flex flex-col gap-2 p-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // Checked against the time of the press, not of the opening: a menu left open must not snooze into the past.
        const picked = parsePickedTime(value, new Date());
        if (picked.ok) onPick(picked.wakeAt);
        else setError(picked.error);
      }}
    >
      <label htmlFor={fieldId} className="text-sm font-medium text-slate-800 dark:text-slate-100">
        Wake it at
      </label>
      <input
        id={fieldId}
        type="datetime-local"
        value={value}
        min={toLocalInputValue(now)}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:[color-scheme:dark]"
      />
      <p id={errorId} role="alert" className="min-h-0 text-sm text-red-700 dark:text-red-300">
        {error}
      </p>
      <div className="flex justify-end gap-2">
        <button type="button" className={smallButton} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Snooze
        </button>
      </div>
    </form>
  );
}
