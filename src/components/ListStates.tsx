import { formatCount } from '../lib/formats.ts';
import type { ReactNode } from 'react';

/**
 * Placeholder rows with the final rows' layout, so nothing jumps when data arrives. With a label (first loads
 * only, not every next page) it also tells screen readers what is loading.
 */
export function ListSkeleton({
  rows = 8,
  avatar = false,
  label,
}: {
  rows?: number;
  avatar?: boolean;
  label?: string;
}) {
  const placeholder = (
    <ul aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
      {Array.from({ length: rows }, (_, index) => (
        <li
          key={index}
          className="flex gap-3 border-b border-slate-200 px-3 py-3 sm:px-4 dark:border-slate-800"
        >
          <div
            className={
              avatar
                ? 'size-8 rounded-full bg-slate-200 dark:bg-slate-800'
                : 'size-5 rounded bg-slate-200 dark:bg-slate-800'
            }
          />
          <div className="flex-1 space-y-2">
            <div className="h-4 w-3/4 rounded bg-slate-200 dark:bg-slate-800" />
            <div className="h-3 w-1/2 rounded bg-slate-200 dark:bg-slate-800" />
          </div>
          {!avatar && <div className="h-6 w-16 rounded bg-slate-200 dark:bg-slate-800" />}
        </li>
      ))}
    </ul>
  );
  if (!label) return placeholder;
  return (
    <div role="status" aria-busy="true">
      <span className="sr-only">{label}</span>
      {placeholder}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-4 py-16 text-center">
      <p className="text-lg font-medium">{title}</p>
      {children && (
        <div className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</div>
      )}
    </div>
  );
}

export function ErrorState({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry: () => void;
}) {
  return (
    <div role="alert" className="px-4 py-16 text-center">
      <p className="text-lg font-medium">{title}</p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Try again
      </button>
    </div>
  );
}

export function LoadMoreButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <div className="px-4 py-4 text-center">
      <button
        type="button"
        onClick={onClick}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600"
      >
        {label}
      </button>
    </div>
  );
}

/**
 * A quiet note under a list whose answer held records the app could not read ("1 notification could not be
 * shown"): they are left out (and named in the console), the rest of the list is shown as usual.
 */
export function SkippedNote({
  count,
  noun,
  plural = `${noun}s`,
}: {
  count: number;
  noun: string;
  plural?: string;
}) {
  if (count <= 0) return null;
  return (
    <p
      role="note"
      data-testid="skipped-note"
      className="px-3 py-2 text-xs text-slate-600 sm:px-4 dark:text-slate-400"
    >
      {formatCount(count)} {count === 1 ? noun : plural} could not be shown
    </p>
  );
}
