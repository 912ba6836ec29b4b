import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import { formatCount } from '../api/use-select-all-matching.ts';
import type { SelectionBar as WholeBar } from './SelectionBar.tsx';
import { loadPatiently } from '../../../lib/load-patiently.ts';

// The bar's buttons (and the snooze menu and bulk code behind them) are not needed until something is selected:
// their code downloads once the list has shown (on idle), or at the first selection if that comes sooner.
const loadSelectionBar = () => import('./SelectionBar.tsx');
const SelectionBar = lazy(() =>
  loadPatiently(loadSelectionBar).then((module) => ({ default: module.SelectionBar })),
);

type Props = ComponentProps<typeof WholeBar>;

/**
 * The selection bar as the first screen shows it (nothing selected: "Select all N listed" and the sticky day),
 * and the whole bar from the first selection on, in the same place and layout.
 */
export function LazySelectionBar(props: Props) {
  const wanted = props.selected.length > 0 || Boolean(props.matchingProgress);
  const [loaded, setLoaded] = useState(wanted);
  if (wanted && !loaded) setLoaded(true);
  useEffect(() => {
    if (loaded) return;
    const prefetch = () => void loadSelectionBar().catch(() => {});
    if ('requestIdleCallback' in window) {
      const id = requestIdleCallback(prefetch, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(prefetch, 500);
    return () => clearTimeout(timer);
  }, [loaded]);
  const idle = <IdleSelectionBar {...props} />;
  return loaded ? (
    <Suspense fallback={idle}>
      <SelectionBar {...props} />
    </Suspense>
  ) : (
    idle
  );
}

/** Nothing selected (or the bar's code still on its way): the select-all box and the day, as SelectionBar has them. */
function IdleSelectionBar(props: Props) {
  const { selected, loadedCount, allLoadedSelected } = props;
  return (
    <div
      data-sticky-bar
      className="sticky top-(--list-top) z-10 flex min-h-9 flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-1 text-sm sm:px-4 dark:border-slate-800 dark:bg-slate-950"
    >
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={allLoadedSelected && loadedCount > 0}
          onChange={() => (allLoadedSelected ? props.onClear() : props.onSelectAllLoaded())}
        />
        <span>
          {selected.length > 0
            ? `${formatCount(selected.length)} selected`
            : `Select all ${formatCount(loadedCount)} listed`}
        </span>
      </label>
      {props.day && (
        <span
          aria-hidden="true"
          data-testid="sticky-day"
          className="ml-auto text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300"
        >
          {props.day}
        </span>
      )}
    </div>
  );
}
