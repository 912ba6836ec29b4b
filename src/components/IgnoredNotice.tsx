import { Link } from 'react-router';

/** Names the address parameters a page ignored, with a link to the same page without them. */
export function IgnoredNotice({ ignored, cleanHref }: { ignored: string[]; cleanHref: string }) {
  if (ignored.length === 0) return null;
  return (
    <div
      role="status"
      className="mx-3 my-2 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:mx-4 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="flex-1">
        Ignored invalid filter{ignored.length > 1 ? 's' : ''}:{' '}
        <span className="font-mono break-all">{ignored.join(', ')}</span>
      </span>
      <Link replace to={cleanHref} className="font-medium underline">
        Clean up the address
      </Link>
    </div>
  );
}
