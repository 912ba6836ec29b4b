import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Icon } from './icons.tsx';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/**
 * Shows a toast in place of the one shown (there is one at a time: the newest says what matters now); returns its
 * id, for taking it away before its time (an Undo used by a key).
 */
type ShowToast = (toast: Omit<Toast, 'id'>) => number;
const ToastContext = createContext<ShowToast>(() => 0);
const DismissContext = createContext<(id: number) => void>(() => {});
const ShownContext = createContext<(id: number) => boolean>(() => false);

export const useToast = () => useContext(ToastContext);
export const useDismissToast = () => useContext(DismissContext);
/** Whether a toast is the one shown now (to join a failure to the error toast it follows). */
export const useIsToastShown = () => useContext(ShownContext);

let nextId = 1;
/** Info toasts (with Undo) last the undo window; errors stay longer, so that Retry can be reached. */
const TIMEOUT_MS = { info: 8000, error: 20_000 } as const;

/**
 * One toast at a time, in live regions that are always there: errors are announced at once, the rest politely.
 * A newer toast replaces the one shown, so toasts never stack over the rows or the reply box, and an action's
 * failure takes the place of its "Done · Undo".
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const shownId = useRef<number | null>(null);
  const dismiss = useCallback((id: number) => {
    if (shownId.current === id) shownId.current = null;
    setToast((shown) => (shown?.id === id ? null : shown));
  }, []);
  const isShown = useCallback((id: number) => shownId.current === id, []);
  const show = useCallback<ShowToast>(
    (next) => {
      const id = nextId++;
      shownId.current = id;
      setToast({ ...next, id });
      window.setTimeout(() => dismiss(id), TIMEOUT_MS[next.tone]);
      return id;
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  const render = (tone: Toast['tone']) =>
    toast?.tone === tone && (
      <div
        key={toast.id}
        data-testid="toast"
        className={`pointer-events-auto flex items-center gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ${
          tone === 'error'
            ? 'bg-red-700 text-white'
            : 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
        }`}
      >
        <span className="min-w-0 flex-1">{toast.message}</span>
        {toast.action && (
          <button
            type="button"
            className="rounded px-2 py-1 font-semibold underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-white"
            onClick={() => {
              toast.action?.run();
              dismiss(toast.id);
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button
          type="button"
          aria-label="Close"
          className="rounded px-1 opacity-80 hover:opacity-100"
          onClick={() => dismiss(toast.id)}
        >
          <Icon name="close" />
        </button>
      </div>
    );
  return (
    <ToastContext.Provider value={value}>
      <DismissContext.Provider value={dismiss}>
        <ShownContext.Provider value={isShown}>{children}</ShownContext.Provider>
      </DismissContext.Provider>
      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        <div role="alert" className="flex w-full max-w-md flex-col gap-2">
          {render('error')}
        </div>
        <div role="status" className="flex w-full max-w-md flex-col gap-2">
          {render('info')}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
