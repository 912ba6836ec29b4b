import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { onOpenCommandPalette } from '../../lib/commands.ts';

// The palette's code downloads the first time it opens.
const CommandPalette = lazy(() =>
  import('./CommandPalette.tsx').then((module) => ({ default: module.CommandPalette })),
);

/**
 * In the app's frame: Ctrl+K (⌘K on a Mac) opens the command palette from any page, even while typing, and so
 * does the "Commands" button; closing it puts focus back where it was.
 */
export function PaletteLauncher() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const show = () => {
      if (document.activeElement instanceof HTMLElement)
        returnFocus.current = document.activeElement;
      setOpen(true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        show();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    const stop = onOpenCommandPalette(show);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      stop();
    };
  }, []);

  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <CommandPalette
        navigate={(to) => void navigate(to)}
        onClose={() => {
          setOpen(false);
          const element = returnFocus.current;
          if (element?.isConnected) element.focus();
        }}
      />
    </Suspense>
  );
}
