import { Link } from 'react-router';
import { ROUTES } from '../lib/addresses.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">There is nothing at this address.</p>
      <Link
        className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white"
        to={ROUTES.inbox}
      >
        Go to the inbox
      </Link>
    </main>
  );
}
