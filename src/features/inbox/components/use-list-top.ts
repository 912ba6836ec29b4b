import { useEffect, useRef } from 'react';

/**
 * Measures the list's sticky top (the view's title and the filter bar, sticky from 640 px) into the `--list-top`
 * custom property on the root, so that what sticks below it (the selection bar, the reading pane) starts where it
 * ends. Below 640 px it does not stick, and the property is 0.
 */
export function useListTop<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const measure = () => {
      const sticky = getComputedStyle(element).position === 'sticky';
      root.style.setProperty(
        '--list-top',
        `${sticky ? Math.round(element.getBoundingClientRect().height) : 0}px`,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      root.style.removeProperty('--list-top');
    };
  }, []);
  return ref;
}
