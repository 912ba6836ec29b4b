import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useWindowList } from '../../../lib/window-list/use-window-list.ts';
import type { ListItem } from '../model/day-groups.ts';

interface Props {
  items: ListItem[];
  busy: boolean;
  renderRow: (item: Extract<ListItem, { kind: 'row' }>) => ReactNode;
  /** A group's header, where the list is grouped with counts and actions; else a plain divider. */
  renderHeader?: (item: Extract<ListItem, { kind: 'header' }>) => ReactNode;
  /** The current row, and a counter that changes whenever the keyboard moves it. */
  focusedId: string | null;
  focusNonce: number;
  /** The day of the rows at the top, once their own day header has scrolled under the sticky bar; else null. */
  onStickyDayChange: (day: string | null) => void;
}

const keyOf = (item: ListItem) => item.key;
/** How long a request to focus a row waits for the row to be in the list. */
const FOCUS_REQUEST_MS = 2000;
const estimate = (item: ListItem) => (item.kind === 'header' ? 28 : 45);
// Every row is one height (two truncated lines), every header another: measured once each.
const kindOf = (item: ListItem) => item.kind;

const rowElement = (id: string) =>
  document.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"]`);

/**
 * How far down the window the sticky bars reach: the selection bar (`data-sticky-bar`), which the rows scroll
 * under, stuck below the list's sticky top (the title and filters, from 640 px). Scrolling to a row (the keys, the
 * browser's own scrollIntoView through the root's scroll-padding) keeps it below them.
 */
function useStickyBarBottom(): number {
  const [bottom, setBottom] = useState(48);
  useEffect(() => {
    const bar = document.querySelector<HTMLElement>('[data-sticky-bar]');
    if (!bar) return;
    const measure = () => {
      const top = Number.parseFloat(getComputedStyle(bar).top) || 0;
      const next = Math.round(top + bar.getBoundingClientRect().height);
      setBottom(next);
      document.documentElement.style.scrollPaddingTop = `${next}px`;
    };
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    const top = document.querySelector('[data-list-top]');
    if (top) observer.observe(top);
    return () => {
      observer.disconnect();
      document.documentElement.style.scrollPaddingTop = '';
    };
  }, []);
  return bottom;
}

/**
 * The list as an ARIA feed, virtualized against the window: only the rows near the viewport are in the DOM,
 * each article says its position in the set, and the current row is scrolled into the DOM before it is focused.
 */
export function VirtualFeed({
  items,
  busy,
  renderRow,
  renderHeader,
  focusedId,
  focusNonce,
  onStickyDayChange,
}: Props) {
  const stickyBarHeight = useStickyBarBottom();
  const { rows, totalSize, attach, measure, scrollToIndex, rowBelowTop } = useWindowList({
    items,
    keyOf,
    estimate,
    overscan: 3,
    probeOffset: stickyBarHeight + 1,
    coveredTop: stickyBarHeight,
    uniformBy: kindOf,
  });

  const handledNonce = useRef(focusNonce);
  // The current row that last received focus here.
  const focusedRow = useRef<string | null>(null);
  // When the current request to focus was first seen: one whose row is not in the list is given up after a while.
  const request = useRef({ id: focusedId, nonce: focusNonce, at: 0 });
  useEffect(() => {
    if (!focusedId) return;
    if (request.current.id !== focusedId || request.current.nonce !== focusNonce)
      request.current = { id: focusedId, nonce: focusNonce, at: performance.now() };
    // A request to focus (keys, an undo) stays open while its row is not in the list yet (an undone dismiss comes
    // back a render later), but not for long: a row that turns up much later never pulls the page to it.
    const byKeyboard = handledNonce.current !== focusNonce;
    // Focus follows the current row when the keyboard moved it, or when the current row changed while nothing
    // has focus (the focused row just left the list; back from a feed). A list that merely refreshed never
    // moves focus, nor the page with it.
    const changed = focusedRow.current !== focusedId;
    if (!byKeyboard && !(changed && document.activeElement === document.body)) return;
    const index = items.findIndex((item) => item.key === focusedId);
    if (index < 0) {
      if (performance.now() - request.current.at > FOCUS_REQUEST_MS) {
        handledNonce.current = focusNonce;
        focusedRow.current = focusedId;
      }
      return;
    }
    scrollToIndex(index);
    let tries = 0;
    let frame = 0;
    // The request counts as handled once focus has landed (or after ten frames): a re-render in between (the
    // list changed as the row was marked read) runs it again instead of dropping it.
    const focus = () => {
      const element = rowElement(focusedId);
      if (element) {
        handledNonce.current = focusNonce;
        focusedRow.current = focusedId;
        element.focus({ preventScroll: true });
        element.scrollIntoView?.({ block: 'nearest' });
      } else if (tries++ < 10) frame = requestAnimationFrame(focus);
      else handledNonce.current = focusNonce;
    };
    frame = requestAnimationFrame(focus);
    // A newer move (fast key repeat) cancels this one, so that focus never lands on an older row.
    return () => cancelAnimationFrame(frame);
  }, [focusedId, focusNonce, items, scrollToIndex]);

  // One day label at a time: the sticky bar names the day only once that day's own header has gone under it.
  let stickyDay: string | null = null;
  const atBar = rowBelowTop(stickyBarHeight + 1);
  if (items[atBar]?.kind === 'row') {
    for (let index = atBar; index >= 0; index--) {
      const item = items[index];
      if (item?.kind === 'header') {
        stickyDay = item.label;
        break;
      }
    }
  }
  useEffect(() => onStickyDayChange(stickyDay), [stickyDay, onStickyDayChange]);

  // An empty feed is not a feed (it must own articles); the page shows its empty state instead.
  if (items.length === 0) return null;

  return (
    <>
      <div
        ref={attach}
        role="feed"
        aria-label="Notifications"
        aria-busy={busy}
        className="relative"
        style={{ height: totalSize }}
      >
        {rows.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <div
              key={row.key}
              data-index={row.index}
              data-row-key={row.key}
              ref={measure}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {item.kind === 'header' && renderHeader ? (
                renderHeader(item)
              ) : item.kind === 'header' ? (
                // A feed may hold only articles: the day is a visual divider; each row says its own time.
                <div
                  aria-hidden="true"
                  className="bg-slate-50 px-3 py-1 text-xs leading-4 font-semibold tracking-wide text-slate-600 uppercase sm:px-4 dark:bg-slate-900 dark:text-slate-300"
                >
                  {item.label}
                </div>
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
