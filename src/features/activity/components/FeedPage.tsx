import { useMemo } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { FeedKind } from '../../../api/activities.ts';
import { IgnoredNotice } from '../../../components/IgnoredNotice.tsx';
import { backToList, readFeedContext } from '../../../lib/addresses.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useFeedSubject } from '../api/use-feed-subject.ts';
import { feedSearchParams, parseFeedFilters, type FeedFilters } from '../model/feed-filters.ts';
import { ActivityFeed } from './ActivityFeed.tsx';
import { FeedNotFound } from './FeedStates.tsx';
import { OpenInProductive } from './OpenInProductive.tsx';
import { useReplyShortcut } from './use-reply-shortcut.ts';
import { PageActions } from '../../../components/PageActions.tsx';

const ROUTE_PARAM: Record<FeedKind, string> = {
  task: 'taskId',
  deal: 'dealId',
  discussion: 'discussionId',
};
const NOUN: Record<FeedKind, string> = { task: 'task', deal: 'deal', discussion: 'discussion' };

/**
 * A task's, deal's or discussion's activity feed as a page: what it is, everything that happened on it, with
 * its filters and the notification it was opened from (New markers, a marked todo) in the address.
 */
export function FeedPage({ kind }: { kind: FeedKind }) {
  const rawId = useParams()[ROUTE_PARAM[kind]] ?? '';
  const valid = /^\d{1,15}$/.test(rawId);
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const backTo = backToList(location.state);
  const { filters, ignored } = useMemo(() => parseFeedFilters(searchParams), [searchParams]);
  const context = readFeedContext(searchParams);
  const setFilters = (next: FeedFilters) =>
    setSearchParams(feedSearchParams(next, searchParams), { state: location.state });
  const target = useMemo(() => ({ kind, id: Number(rawId) }), [kind, rawId]);
  const subject = useFeedSubject(target, valid);
  useReplyShortcut();

  useDocumentTitle(
    subject.title ? `${subject.number ? `#${subject.number} ` : ''}${subject.title}` : null,
  );

  if (!valid || subject.notFound) return <FeedNotFound what={kind} />;

  return (
    <main className="mx-auto max-w-3xl pb-16">
      <header className="border-b border-slate-200 px-3 pt-4 pb-3 sm:px-4 dark:border-slate-800">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <Link
            to={backTo.href}
            state={backTo.state}
            className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
          >
            ← Back to the inbox
          </Link>
          <OpenInProductive target={{ type: kind, id: target.id }} />
        </div>
        {subject.status === 'pending' && (
          <div
            aria-hidden="true"
            className="mt-2 h-7 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800"
          />
        )}
        {subject.status === 'success' && (
          <>
            <h1 className="mt-2 text-xl font-semibold break-words">
              {kind !== 'task' && (
                <span className="text-slate-600 dark:text-slate-400">
                  {kind === 'deal' ? 'Deal' : 'Discussion'}:{' '}
                </span>
              )}
              {subject.number && (
                <span className="text-slate-600 dark:text-slate-400">#{subject.number} </span>
              )}
              {subject.title ?? `${NOUN[kind]} ${target.id}`}
            </h1>
            {subject.details.length > 0 && (
              <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600 dark:text-slate-400">
                {subject.details.map((detail, index) => (
                  <span key={index}>{kind === 'task' ? detail : `in ${detail}`}</span>
                ))}
              </p>
            )}
          </>
        )}
        {subject.status === 'error' && (
          <p className="mt-2 text-sm text-red-700 dark:text-red-300">
            Could not load the {NOUN[kind]}: {subject.error?.message}
          </p>
        )}
      </header>
      <PageActions />

      <IgnoredNotice ignored={ignored} cleanHref={`?${feedSearchParams(filters, searchParams)}`} />

      <ActivityFeed
        target={target}
        filters={filters}
        onFiltersChange={setFilters}
        firstUnreadActivityId={context.firstUnreadActivityId}
        markedTodoId={kind === 'task' ? context.todoId : null}
        taskTitle={kind === 'task' ? (subject.title ?? undefined) : undefined}
      />
    </main>
  );
}
