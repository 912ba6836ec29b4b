import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ListItem } from '../model/day-groups.ts';

interface Props {
  items: ListItem[];
  busy: boolean;
  renderRow: (item: Extract<ListItem, { kind: 'row' }>) => ReactNode;
  /** The current row, and a counter that changes whenever the keyboard moves it. */
  focusedId: string | null;
  focusNonce: number;
}

const rowElement = (id: string) =>
  document.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"]`);

/**
 * The list as an ARIA feed, virtualized against the window: only the rows near the viewport are in the DOM,
 * each article says its position in the set, and the current row is scrolled into the DOM before it is focused.
 */
export function VirtualFeed({ items, busy, renderRow, focusedId, focusNonce }: Props) {
  const [margin, setMargin] = useState(0);
  const listRef = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    const measure = () => setMargin(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (index) => (items[index]?.kind === 'header' ? 36 : 92),
    overscan: 8,
    scrollMargin: margin,
    getItemKey: (index) => items[index]?.key ?? index,
  });

  const handledNonce = useRef(focusNonce);
  useEffect(() => {
    if (!focusedId) return;
    const byKeyboard = handledNonce.current !== focusNonce;
    handledNonce.current = focusNonce;
    // Focus follows the current row when the keyboard moved it, or when the focused row just left the list.
    if (!byKeyboard && document.activeElement !== document.body) return;
    const index = items.findIndex((item) => item.key === focusedId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const element = rowElement(focusedId);
      if (element) {
        element.focus({ preventScroll: true });
        element.scrollIntoView?.({ block: 'nearest' });
      } else if (tries++ < 10) frame = requestAnimationFrame(focus);
    };
    frame = requestAnimationFrame(focus);
    // A newer move (fast key repeat) cancels this one, so that focus never lands on an older row.
    return () => cancelAnimationFrame(frame);
  }, [focusedId, focusNonce, items, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const firstVisible =
    virtualItems.find((item) => item.end > window.scrollY + 100) ?? virtualItems[0];
  let currentGroup: string | null = null;
  for (let index = firstVisible?.index ?? 0; index >= 0; index--) {
    const item = items[index];
    if (item?.kind === 'header') {
      currentGroup = item.label;
      break;
    }
  }

  return (
    <>
      {currentGroup && (
        <div
          aria-hidden="true"
          className="sticky top-12 z-10 -mb-7 px-3 py-1 text-xs font-semibold tracking-wide text-slate-500 uppercase sm:px-4 dark:text-slate-400"
        >
          <span className="rounded bg-white/90 px-1.5 py-0.5 dark:bg-slate-950/90">
            {currentGroup}
          </span>
        </div>
      )}
      <div
        ref={listRef}
        role="feed"
        aria-label="Notifications"
        aria-busy={busy}
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualItems.map((virtualItem) => {
          const item = items[virtualItem.index];
          if (!item) return null;
          return (
            <div
              key={virtualItem.key}
              data-index={virtualItem.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${virtualItem.start - margin}px)` }}
            >
              {item.kind === 'header' ? (
                <h2 className="bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase sm:px-4 dark:bg-slate-900 dark:text-slate-300">
                  {item.label}
                </h2>
              ) : (
                renderRow(item)
              )}
            </div>
          );
        })}
      </div>
    </>
  );
}
