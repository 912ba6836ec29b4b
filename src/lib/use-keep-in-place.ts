import { useCallback, useEffect, useRef } from 'react';

/** How long an element is held in place while the layout around it settles (rows re-measured, a pane opened). */
const HOLD_MS = 400;

/**
 * Keeps an element where it is on the screen through a layout change that would move it (the list narrowing
 * beside the reading pane makes the rows above it taller): `hold(find)` notes where the element is now and, for
 * a few frames, scrolls the window by however far it has moved. The element is found again each frame, since a
 * virtualized list may replace it.
 */
export function useKeepInPlace() {
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return useCallback((find: () => Element | null) => {
    const top = find()?.getBoundingClientRect().top;
    if (top === undefined) return;
    cancelAnimationFrame(frame.current);
    const until = performance.now() + HOLD_MS;
    const keep = () => {
      const now = find()?.getBoundingClientRect().top;
      if (now !== undefined && Math.abs(now - top) >= 1) window.scrollBy(0, now - top);
      if (performance.now() < until) frame.current = requestAnimationFrame(keep);
    };
    frame.current = requestAnimationFrame(keep);
  }, []);
}
