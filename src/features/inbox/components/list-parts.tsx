import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { releaseFirstPaint } from '../../../lib/first-paint.ts';
import { lazyPage } from '../../../components/LazyPage.tsx';

// The help dialog is not part of the first screen: it downloads when first opened.
const ShortcutHelp = lazy(() =>
  import('./ShortcutHelp.tsx').then((module) => ({ default: module.ShortcutHelp })),
);

/** The keyboard help of a list: a function that opens it, and the dialog (once opened). */
export function useShortcutHelp() {
  const [open, setOpen] = useState(false);
  return {
    openHelp: () => setOpen(true),
    help: open && (
      <Suspense fallback={null}>
        <ShortcutHelp open onClose={() => setOpen(false)} />
      </Suspense>
    ),
  };
}

// The reading pane beside the list is not part of the first screen either: its code (with the pane's own, in
// parallel) downloads when a notification is first opened beside it.
export const PaneBeside = lazyPage(
  () =>
    Promise.all([import('../pane/PaneBeside.tsx'), import('../pane/ReadingPane.tsx')]).then(
      ([module]) => module.PaneBeside,
    ),
  { part: true, fallback: null },
);

/** The page's own first rows (if it carries them) give way to the list, or to its error, in the frame it shows. */
export function useReleaseFirstPaint(shown: boolean) {
  useLayoutEffect(() => {
    if (shown) releaseFirstPaint();
  }, [shown]);
}
