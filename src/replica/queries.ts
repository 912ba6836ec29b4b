import { queryOptions } from '@tanstack/react-query';
import type { Notification, NotificationPage, NotificationQuery } from '../api/notifications.ts';
import { currentReplica, type Replica } from './store.ts';
import { inQuery, projectIndex, type ProjectIndex } from './view.ts';

/**
 * Reading the replica through React Query: a view's list (what `notificationQueries.list` answers from), the
 * true counts, and where the first sync stands. Every change to the replica invalidates these (connectReplica).
 */

const ROOT = 'replica';

let indexed: { replica: Replica; version: number; index: ProjectIndex } | null = null;
/** Each notification's project, learned once per version of the replica. */
export function projectsOf(replica: Replica): ProjectIndex {
  if (indexed?.replica !== replica || indexed.version !== replica.version)
    indexed = { replica, version: replica.version, index: projectIndex(replica.all()) };
  return indexed.index;
}

/** A view of the replica: every notification the query lists, newest first, as one page with its exact count. */
export function viewOf(replica: Replica, query: NotificationQuery): NotificationPage {
  const projectOf = projectsOf(replica);
  const notifications = replica.all().filter((item) => inQuery(item, query, projectOf));
  return { notifications, totalCount: notifications.length, hasNextPage: false, skipped: 0 };
}

/** A view's list once the replica has its first rows (from the device or the first sync's first page). */
export async function readView(query: NotificationQuery): Promise<NotificationPage | null> {
  const replica = currentReplica();
  if (!replica) return null;
  await replica.whenUsable();
  return viewOf(replica, query);
}

export interface InboxCounts {
  /** Unread in the Inbox, Important and Mentions views; null while the first sync runs. */
  inbox: number | null;
  important: number | null;
  mentions: number | null;
  /** During the first sync: how many of the Inbox's notifications are held, of how many. */
  syncing: { loaded: number; total: number | null } | null;
}

export function countsOf(replica: Replica): InboxCounts {
  if (!replica.meta.complete)
    return {
      inbox: null,
      important: null,
      mentions: null,
      syncing: { loaded: replica.meta.loaded, total: replica.meta.total },
    };
  let inbox = 0;
  let important = 0;
  let mentions = 0;
  for (const notification of replica.all() as Notification[]) {
    if (notification.dismissed || notification.read) continue;
    inbox++;
    if (notification.important) important++;
    if (notification.mention) mentions++;
  }
  return { inbox, important, mentions, syncing: null };
}

export const replicaQueries = {
  all: () => [ROOT] as const,
  counts: () =>
    queryOptions({
      queryKey: [ROOT, 'counts'] as const,
      queryFn: async (): Promise<InboxCounts | null> => {
        const replica = currentReplica();
        if (!replica) return null;
        await replica.loaded;
        return countsOf(replica);
      },
      staleTime: Infinity,
      networkMode: 'always',
    }),
};
