import { apiRequest } from './http.ts';
import { attribute, readCollection, readSingle, related, type ResourceObject } from './jsonapi.ts';
import { parseChangeset, type ChangesetEntry } from './changeset.ts';
import { parsePerson, type Person } from './people.ts';

export type { ChangesetEntry } from './changeset.ts';

/** What an activity feed can be about: the API filters activities by `task_id`, `deal_id` and `discussion_id`. */
export type FeedKind = 'task' | 'deal' | 'discussion';
export interface FeedTarget {
  kind: FeedKind;
  id: number;
}
export const FEED_KINDS: readonly FeedKind[] = ['task', 'deal', 'discussion'];

export interface Activity {
  id: string;
  event: string;
  /** The item the activity is on (a todo's own activities name the todo here, with its task as parent). */
  itemId: number | null;
  itemType: string;
  itemName: string;
  parentType: string | null;
  parentName: string | null;
  /** The item above the parent (a deal's company, a discussion's project), as the API names it. */
  rootType: string | null;
  rootName: string | null;
  taskId: number | null;
  /** The feed the activity belongs to: its task's, else its deal's, else its discussion's. */
  feed: FeedTarget | null;
  createdAt: string;
  changeset: ChangesetEntry[];
  creator: Person | null;
  comment: { body: string } | null;
  /** `body` is the API's markup: untrusted, rendered only through the fragment parser. */
  email: { subject: string; body: string; fromName: string; fromAddress: string } | null;
  attachment: { name: string } | null;
}

export interface ActivityQuery {
  target: FeedTarget;
  oldestFirst?: boolean;
  /** 1 comments, 2 changes, 3 emails. */
  kinds?: number[];
  events?: string[];
  creatorIds?: number[];
}

export interface ActivityPage {
  activities: Activity[];
  hasNextPage: boolean;
}

export const ACTIVITY_PAGE_SIZE = 30;

const text = (resource: ResourceObject | undefined, name: string) => {
  const value = resource?.attributes[name];
  return typeof value === 'string' ? value : '';
};

export function parseActivity(
  resource: ResourceObject,
  included: Map<string, ResourceObject>,
): Activity {
  const creator = related(resource, 'creator', included);
  const comment = related(resource, 'comment', included);
  const email = related(resource, 'email', included);
  const attachment = related(resource, 'attachment', included);
  const from = email?.attributes.from as { name?: unknown; address?: unknown } | undefined;
  return {
    id: resource.id,
    event: attribute.string(resource, 'event', 'update'),
    itemId: attribute.nullableNumber(resource, 'item_id'),
    itemType: attribute.string(resource, 'item_type'),
    itemName: attribute.string(resource, 'item_name'),
    parentType: attribute.nullableString(resource, 'parent_type'),
    parentName: attribute.nullableString(resource, 'parent_name'),
    rootType: attribute.nullableString(resource, 'root_type'),
    rootName: attribute.nullableString(resource, 'root_name'),
    taskId: attribute.nullableNumber(resource, 'task_id'),
    feed: feedOf(resource),
    createdAt: attribute.string(resource, 'created_at'),
    changeset: parseChangeset(resource.attributes.changeset),
    creator: creator?.type === 'people' ? parsePerson(creator) : null,
    comment: comment ? { body: text(comment, 'body') } : null,
    email: email
      ? {
          subject: text(email, 'subject'),
          body: text(email, 'body'),
          fromName: typeof from?.name === 'string' ? from.name : '',
          fromAddress: typeof from?.address === 'string' ? from.address : '',
        }
      : null,
    attachment: attachment ? { name: text(attachment, 'name') || 'Attachment' } : null,
  };
}

function feedOf(resource: ResourceObject): FeedTarget | null {
  for (const kind of FEED_KINDS) {
    const id = attribute.nullableNumber(resource, `${kind}_id`);
    if (id !== null && id > 0) return { kind, id };
  }
  return null;
}

const INCLUDE = 'creator,comment,email,attachment';

export async function getActivities(
  query: ActivityQuery,
  page: number,
  signal?: AbortSignal,
): Promise<ActivityPage> {
  const params = new URLSearchParams({
    [`filter[${query.target.kind}_id]`]: String(query.target.id),
  });
  if (query.kinds?.length) params.set('filter[type]', query.kinds.join(','));
  if (query.events?.length) params.set('filter[event]', query.events.join(','));
  if (query.creatorIds?.length) params.set('filter[creator_id]', query.creatorIds.join(','));
  if (query.oldestFirst) params.set('sort', 'created_at');
  params.set('include', INCLUDE);
  params.set('page[number]', String(page));
  params.set('page[size]', String(ACTIVITY_PAGE_SIZE));
  const document = readCollection(
    await apiRequest('/activities', { params, signal }),
    'activities',
  );
  return {
    activities: document.data.map((resource) => parseActivity(resource, document.included)),
    hasNextPage: typeof document.links.next === 'string',
  };
}

export async function getActivity(id: string, signal?: AbortSignal): Promise<Activity> {
  const params = new URLSearchParams({ include: INCLUDE });
  const document = readSingle(
    await apiRequest(`/activities/${encodeURIComponent(id)}`, { params, signal }),
    'activities',
  );
  return parseActivity(document.data, document.included);
}
