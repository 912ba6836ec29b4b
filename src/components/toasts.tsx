import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Icon } from './icons.tsx';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** Shows a toast; returns its id, for taking it away before its time (an Undo used by a key). */
type ShowToast = (toast: Omit<Toast, 'id'>) => number;
const ToastContext = createContext<ShowToast>(() => 0);
const DismissContext = createContext<(id: number) => void>(() => {});

export const useToast = () => useContext(ToastContext);
export const useDismissToast = () => useContext(DismissContext);

let nextId = 1;
/** Info toasts (with Undo) last the undo window; errors stay longer, so that Retry can be reached. */
const TIMEOUT_MS = { info: 8000, error: 20_000 } as const;

/** Toasts in live regions: errors are announced at once, the rest politely. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback(
    (id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)),
    [],
  );
  const show = useCallback<ShowToast>(
    (toast) => {
      const id = nextId++;
      // At most three of each tone: a burst of Undo toasts never pushes out an error that offers Retry.
      setToasts((all) => {
        const sameTone = all.filter((shown) => shown.tone === toast.tone);
        const dropped = new Set(sameTone.slice(0, -2).map((shown) => shown.id));
        return [...all.filter((shown) => !dropped.has(shown.id)), { ...toast, id }];
      });
      window.setTimeout(() => dismiss(id), TIMEOUT_MS[toast.tone]);
      return id;
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  const render = (tone: Toast['tone']) =>
    toasts
      .filter((toast) => toast.tone === tone)
      .map((toast) => (
        <div
          key={toast.id}
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
      ));
  return (
    <ToastContext.Provider value={value}>
      <DismissContext.Provider value={dismiss}>{children}</DismissContext.Provider>
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
