import { Link } from 'react-router';
import { ROUTES } from '../../../lib/addresses.ts';

export function FeedNotFound({
  what,
}: {
  what: 'task' | 'deal' | 'discussion' | 'activity' | 'notification';
}) {
  return (
    <main className="px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">This {what} was not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        It may have been deleted, or the address is wrong.
      </p>
      <Link
        to={ROUTES.inbox}
        className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
      >
        Go to the inbox
      </Link>
    </main>
  );
}
