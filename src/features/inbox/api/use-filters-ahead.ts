import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { InboxFilters } from '../model/filters.ts';

type Navigate = (next: InboxFilters, options?: { replace?: boolean }) => void;

/**
 * A filter change painted before the address takes it (issue 19, docs/decisions/016-replica.md): the list shows
 * the new filters in the change's own render, and the navigation (a history entry, which alone costs several
 * milliseconds in Chromium) follows once that frame is painted. The address stays the truth: the filters shown
 * ahead of it last until it changes, whoever changed it (this navigation arriving, Back, a link).
 */
export function useFiltersAhead(
  addressFilters: InboxFilters,
  navigate: Navigate,
): [InboxFilters, Navigate] {
  const { key } = useLocation();
  const [ahead, setAhead] = useState<{ filters: InboxFilters; key: string } | null>(null);
  let current = ahead;
  if (ahead && ahead.key !== key) {
    current = null;
    setAhead(null);
  }

  const latest = useRef({ key, navigate });
  useLayoutEffect(() => {
    latest.current = { key, navigate };
  });
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => () => pending.current?.(), []);

  const change = useCallback<Navigate>((next, options) => {
    pending.current?.();
    setAhead({ filters: next, key: latest.current.key });
    let done = false;
    const go = () => {
      if (done) return;
      cancel();
      latest.current.navigate(next, options);
    };
    // After the frame that paints the change; a hidden page (no frames) still gets there.
    const frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => setTimeout(go, 0))
        : 0;
    const fallback = setTimeout(go, 100);
    const cancel = () => {
      done = true;
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(fallback);
      pending.current = null;
    };
    pending.current = cancel;
  }, []);
  return [current?.filters ?? addressFilters, change];
}
