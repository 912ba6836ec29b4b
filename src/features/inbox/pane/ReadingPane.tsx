import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Notification, NotificationAction } from '../../../api/notifications.ts';
import { NotificationDetail } from '../../activity/index.ts';
import { PaneResizer } from './PaneResizer.tsx';
import { PANE_WIDTH, usePaneSettings, type AfterDismiss } from './pane-settings.ts';
import { WriteActions } from '../../../components/WriteActions.tsx';

interface Props {
  notificationId: string;
  /** The notification as the list holds it; absent when it is not in this list (gone, filtered out). */
  notification: Notification | undefined;
  /** Where its New markers start (as it was when opened); undefined: as the notification says. */
  firstUnreadActivityId?: number | null;
  /** The list has loaded (so "not in this list" is known, not merely not yet). */
  listReady: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  onStep: (delta: 1 | -1) => void;
  onClose: () => void;
  /** Dismiss (or restore, in Dismissed) the open notification; the next or previous one opens. */
  onLeave: (action: NotificationAction) => void;
  inDismissedView: boolean;
  /** More actions for the open notification (snooze). */
  actions?: ReactNode;
}

/** The list keeps at least this much room beside the pane (and the navigation its 12 rem). */
const LIST_MIN_PX = 420;
const NAV_PX = 192;

const subscribeToResize = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};
const useMaxPaneWidth = () =>
  useSyncExternalStore(
    subscribeToResize,
    () => Math.min(PANE_WIDTH.max, window.innerWidth - NAV_PX - LIST_MIN_PX),
    () => PANE_WIDTH.max,
  );

/**
 * The pane fills the window below wherever it starts: under the page's header until the page scrolls, then (sticky)
 * from the top, so that its bottom (the reply composer) is always on screen.
 */
function useFitToWindow() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let height = '';
    // Written only when it changes: once the pane is stuck at the top, scrolling the list costs one read.
    const fit = () => {
      const next = `${window.innerHeight - Math.max(0, element.getBoundingClientRect().top)}px`;
      if (next !== height) element.style.height = height = next;
    };
    fit();
    window.addEventListener('scroll', fit, { passive: true });
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('scroll', fit);
      window.removeEventListener('resize', fit);
    };
  }, []);
  return ref;
}

const toolButton =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * The detail of the open notification beside the list (from 1024 px): sticky while the list scrolls, scrolled on
 * its own, its width adjustable and remembered. Its code (the activity feed) loads when first opened.
 */
export function ReadingPane({
  notificationId,
  notification,
  firstUnreadActivityId,
  listReady,
  hasPrevious,
  hasNext,
  onStep,
  onClose,
  onLeave,
  inDismissedView,
  actions,
}: Props) {
  const [settings, updateSettings] = usePaneSettings();
  const max = useMaxPaneWidth();
  const width = Math.min(settings.width, Math.max(PANE_WIDTH.min, max));
  const leave: NotificationAction = inDismissedView ? 'undismiss' : 'dismiss';
  const fitted = useFitToWindow();

  return (
    <section
      ref={fitted}
      aria-label="Reading pane"
      data-testid="reading-pane"
      data-open-notification={notificationId}
      data-reading-pane
      className="sticky top-(--list-top) h-screen shrink-0 border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
      style={{ width }}
    >
      <PaneResizer width={width} max={max} onResize={(next) => updateSettings({ width: next })} />
      {/* Focusable, so → from the list lands here and the arrow and page keys scroll the pane. */}
      <div
        data-scroll-root
        data-reading-pane-body
        tabIndex={-1}
        className="h-full overflow-y-auto overscroll-contain outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset"
      >
        <div
          role="toolbar"
          aria-label="Open notification"
          className="sticky top-0 z-10 flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white/95 px-3 py-2 backdrop-blur sm:px-4 dark:border-slate-800 dark:bg-slate-950/95"
        >
          <button
            type="button"
            className={toolButton}
            onClick={() => onStep(-1)}
            disabled={!hasPrevious}
            aria-keyshortcuts="k"
          >
            Previous <kbd className="keyboard-hint">k</kbd>
          </button>
          <button
            type="button"
            className={toolButton}
            onClick={() => onStep(1)}
            disabled={!hasNext}
            aria-keyshortcuts="j"
          >
            Next <kbd className="keyboard-hint">j</kbd>
          </button>
          <WriteActions>
            <button
              type="button"
              className={toolButton}
              onClick={() => onLeave(leave)}
              aria-keyshortcuts={inDismissedView ? 'Shift+E' : 'e'}
            >
              {inDismissedView ? 'Restore' : 'Dismiss'}{' '}
              <kbd className="keyboard-hint">{inDismissedView ? 'E' : 'e'}</kbd>
            </button>
            {actions}
          </WriteActions>
          <label className="ml-auto flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
            After dismissing, open
            <select
              value={settings.afterDismiss}
              onChange={(event) =>
                updateSettings({ afterDismiss: event.target.value as AfterDismiss })
              }
              className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            >
              <option value="next">the next one</option>
              <option value="previous">the previous one</option>
            </select>
          </label>
          <button type="button" className={toolButton} onClick={onClose} aria-keyshortcuts="Escape">
            Close <kbd className="keyboard-hint">Esc</kbd>
          </button>
        </div>
        {listReady && !notification && (
          <p
            role="note"
            className="mx-3 mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:mx-4 dark:bg-amber-950 dark:text-amber-100"
          >
            This notification is not in this list (dismissed, left out by these filters, or gone).
          </p>
        )}
        <NotificationDetail
          key={notificationId}
          notificationId={notificationId}
          notification={notification}
          firstUnreadActivityId={firstUnreadActivityId}
          headingLevel={2}
        />
      </div>
    </section>
  );
}
