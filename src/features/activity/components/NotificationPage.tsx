import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { ApiRequestError } from '../../../api/http.ts';
import { backToList, isAddressId } from '../../../lib/addresses.ts';
import { notificationDetailQueries } from '../api/notification-detail-queries.ts';
import { FeedNotFound } from './FeedStates.tsx';
import { NotificationDetail } from './NotificationDetail.tsx';
import { useReplyShortcut } from './use-reply-shortcut.ts';
import { PageActions } from '../../../components/PageActions.tsx';
import { titleText } from '../../../lib/markup/title-markup.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

/** `/notifications/:notificationId`: one notification's detail on a page of its own. */
export function NotificationPage() {
  const { notificationId = '' } = useParams();
  const valid = isAddressId(notificationId);
  const backTo = backToList(useLocation().state);
  useReplyShortcut();
  // The detail asks for the same query: one request, and a 404 here is a page of its own.
  const notification = useQuery({
    ...notificationDetailQueries.detail(notificationId),
    enabled: valid,
  });
  // The tab names the item the notification is about.
  const item = notification.data;
  useDocumentTitle(item ? item.targetTitle || titleText(item.title) : null);
  if (
    !valid ||
    (notification.error instanceof ApiRequestError && notification.error.status === 404)
  )
    return <FeedNotFound what="notification" />;
  return (
    <main className="mx-auto max-w-3xl pb-16">
      <nav aria-label="Back" className="px-3 pt-4 sm:px-4">
        <Link
          to={backTo.href}
          state={backTo.state}
          className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
        >
          ← Back to the inbox
        </Link>
      </nav>
      <PageActions />
      <NotificationDetail notificationId={notificationId} headingLevel={1} />
    </main>
  );
}
