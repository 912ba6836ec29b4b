import { Link } from 'react-router';

export function FeedNotFound({ what }: { what: 'task' | 'activity' }) {
  return (
    <div className="px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">This {what} was not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        It may have been deleted, or the address is wrong.
      </p>
      <Link
        to="/"
        className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
      >
        Go to the inbox
      </Link>
    </div>
  );
}

export function FeedError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="px-4 py-16 text-center">
      <p className="text-lg font-medium">Could not load the activity</p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
      >
        Try again
      </button>
    </div>
  );
}

export function FeedSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <ul aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
      {Array.from({ length: rows }, (_, index) => (
        <li
          key={index}
          className="flex gap-3 border-b border-slate-200 px-3 py-3 sm:px-4 dark:border-slate-800"
        >
          <div className="size-8 rounded-full bg-slate-200 dark:bg-slate-800" />
          <div className="flex-1 space-y-2">
            <div className="h-4 w-2/3 rounded bg-slate-200 dark:bg-slate-800" />
            <div className="h-3 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
          </div>
        </li>
      ))}
    </ul>
  );
}
