import { useEffect, useRef } from 'react';

/** Calls loadMore when the returned element comes within `margin` pixels of the viewport. */
export function useLoadMore(canLoad: boolean, loadMore: () => void, margin = 1200) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !canLoad) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: `0px 0px ${margin}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [canLoad, loadMore, margin]);
  return sentinel;
}
