import { queryOptions } from '@tanstack/react-query';
import {
  getNotifications,
  type Notification,
  type NotificationPage,
  type NotificationQuery,
} from '../api/notifications.ts';
import { recentDismissedSince, SYNC_PAGE_SIZE } from './sync-window.ts';
import { currentReplica, type Replica } from './store.ts';
import {
  inQuery,
  matchesTerms,
  projectIndex,
  searchableText,
  searchTerms,
  type ProjectIndex,
} from './view.ts';

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

/** How long a project's notifications, once asked for, are taken as known. */
const PROJECT_LEARNED_MS = 60_000;
const learnedAt = new Map<string, number>();

/**
 * The API's notification does not say which project it is in, but a list filtered by projects does: before a
 * view filtered by projects is read, its notifications are asked for (pages of 200, what the view holds) and the
 * replica learns their project, so the view is exact. Offline or refused, the view uses what the replica knows.
 */
export async function learnProjects(
  replica: Replica,
  query: NotificationQuery,
  signal?: AbortSignal,
) {
  const projectIds = query.projectIds ?? [];
  const dismissed = query.dismissed ?? false;
  for (const projectId of projectIds) {
    const key = `${replica.scope}:${projectId}:${dismissed}`;
    if (Date.now() - (learnedAt.get(key) ?? 0) < PROJECT_LEARNED_MS) continue;
    const asked: NotificationQuery = {
      projectIds: [projectId],
      dismissed,
      ...(dismissed ? { after: recentDismissedSince() } : {}),
    };
    try {
      for (let number = 1; ; number++) {
        const page = await getNotifications(asked, number, signal, SYNC_PAGE_SIZE);
        await replica.put(page.notifications.map((item) => ({ ...item, projectId })));
        if (!page.hasNextPage || page.notifications.length === 0) break;
      }
      learnedAt.set(key, Date.now());
    } catch {
      return;
    }
  }
}

/** Grouping by project learns at most this many projects' notifications (one request each, or more past 200). */
export const MAX_PROJECTS_LEARNED = 100;

/** Before a list is grouped by project: the projects of its notifications, learned from the server. */
export async function learnProjectsForGrouping(projectIds: readonly number[], dismissed: boolean) {
  const replica = currentReplica();
  if (!replica) return;
  await replica.whenUsable();
  await learnProjects(replica, {
    projectIds: projectIds.slice(0, MAX_PROJECTS_LEARNED),
    dismissed,
  });
}

/** A view's list once the replica has its first rows (from the device or the first sync's first page). */
export async function readView(
  query: NotificationQuery,
  signal?: AbortSignal,
): Promise<NotificationPage | null> {
  const replica = currentReplica();
  if (!replica) return null;
  await replica.whenUsable();
  if (query.projectIds?.length) await learnProjects(replica, query, signal);
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

/** How many unread notifications a view (and a search in it) holds; null while the first sync runs. */
export async function unreadIn(query: NotificationQuery, search: string): Promise<number | null> {
  const view = await readView(query);
  const replica = currentReplica();
  if (!view || !replica?.meta.complete) return null;
  const terms = searchTerms(search);
  const projectOf = projectsOf(replica);
  return view.notifications.filter(
    (item) =>
      !item.read &&
      (terms.length === 0 || matchesTerms(searchableText(item, projectOf(item)), terms)),
  ).length;
}

export const replicaQueries = {
  all: () => [ROOT] as const,
  /** A view's exact unread count (a saved view's, in the sidebar), read again on every change to the replica. */
  unread: (query: NotificationQuery, search: string) =>
    queryOptions({
      queryKey: [ROOT, 'unread', query, search] as const,
      queryFn: () => unreadIn(query, search),
      staleTime: Infinity,
      networkMode: 'always',
    }),
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
