import { ApiRequestError, apiRequest } from './http.ts';
import {
  attribute,
  isFullPage,
  parseRecords,
  readCollection,
  readSingle,
  related,
  type ResourceObject,
} from './jsonapi.ts';
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
  /** Records on this page that could not be read and are not shown. */
  skipped?: number;
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
  return {
    id: resource.id,
    event: readEvent(attribute.string(resource, 'event', 'update')),
    itemId: attribute.nullableNumber(resource, 'item_id'),
    itemType: attribute.typeName(resource, 'item_type'),
    itemName: attribute.string(resource, 'item_name'),
    parentType: attribute.nullableTypeName(resource, 'parent_type'),
    parentName: attribute.nullableString(resource, 'parent_name'),
    rootType: attribute.nullableTypeName(resource, 'root_type'),
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
          // Outlook mail comes with an empty `body` and its text in `body_html`.
          body: text(email, 'body').trim() ? text(email, 'body') : text(email, 'body_html'),
          ...readSender(email.attributes.from),
        }
      : null,
    attachment: attachment ? { name: text(attachment, 'name') || 'Attachment' } : null,
  };
}

/** `destroy` (Productive's reference) and `delete` (the seed's examples) are the same event to the app. */
const readEvent = (event: string) => {
  const name = event.trim().toLowerCase();
  return name === 'destroy' ? 'delete' : name || 'update';
};

/** The events filter as Productive's reference spells them (`destroy` for a deletion). */
const eventFilterValue = (event: string) => (event === 'delete' ? 'destroy' : event);

/**
 * An email's sender: Productive sends the address as plain text (`"Ana <ana@example.com>"` or
 * `"ana@example.com"`); the seed's examples send `{name, address}`. Read with index lookups, in linear time.
 */
export function readSender(from: unknown): { fromName: string; fromAddress: string } {
  if (typeof from === 'string') {
    const text = from.trim();
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.endsWith('>')) {
      return {
        fromName: text.slice(0, open).trim().replace(/^"|"$/g, '').trim(),
        fromAddress: text.slice(open + 1, -1).trim(),
      };
    }
    return text.includes('@')
      ? { fromName: '', fromAddress: text }
      : { fromName: text, fromAddress: '' };
  }
  if (typeof from === 'object' && from !== null && !Array.isArray(from)) {
    const { name, address, email } = from as Record<string, unknown>;
    const fromAddress =
      typeof address === 'string' ? address : typeof email === 'string' ? email : '';
    return {
      fromName: typeof name === 'string' ? name.trim() : '',
      fromAddress: fromAddress.trim(),
    };
  }
  return { fromName: '', fromAddress: '' };
}

function feedOf(resource: ResourceObject): FeedTarget | null {
  for (const kind of FEED_KINDS) {
    const id = attribute.nullableNumber(resource, `${kind}_id`);
    if (id !== null && id > 0) return { kind, id };
  }
  return null;
}

const INCLUDE = 'creator,comment,email,attachment';

function activityParams(query: ActivityQuery, page: number, sort: string | null) {
  const params = new URLSearchParams({
    [`filter[${query.target.kind}_id]`]: String(query.target.id),
  });
  if (query.kinds?.length) params.set('filter[type]', query.kinds.join(','));
  if (query.events?.length)
    params.set('filter[event]', query.events.map(eventFilterValue).join(','));
  if (query.creatorIds?.length) params.set('filter[creator_id]', query.creatorIds.join(','));
  if (sort) params.set('sort', sort);
  params.set('include', INCLUDE);
  params.set('page[number]', String(page));
  params.set('page[size]', String(ACTIVITY_PAGE_SIZE));
  return params;
}

/** One page in the API's order. Pages carry no `links.next`: a full page means there may be another. */
async function readPage(
  query: ActivityQuery,
  page: number,
  sort: string | null,
  signal?: AbortSignal,
): Promise<ActivityPage> {
  const params = activityParams(query, page, sort);
  const document = readCollection(
    await apiRequest('/activities', { params, signal }),
    'activities',
  );
  const { items, skipped } = parseRecords(document, parseActivity, 'activities');
  return {
    activities: items,
    hasNextPage: isFullPage(document, ACTIVITY_PAGE_SIZE),
    skipped,
  };
}

/** At most this many newest-first pages are read to show a feed oldest first without `sort=created_at`. */
export const OLDEST_FIRST_MAX_PAGES = 50;

/**
 * Whether this API honours `sort=created_at` (undocumented): unknown until a feed is first read oldest first.
 * Refused (an error) or ignored (newest first anyway), the feed is read newest first and reversed.
 */
let sortHonoured: boolean | null = null;
/** For tests: forget what the API did with `sort`. */
export const resetSortSupport = () => {
  sortHonoured = null;
};

const time = (activity: Activity) => Date.parse(activity.createdAt);
const isNewestFirst = (activities: Activity[]) =>
  activities.length > 1 && time(activities[0] as Activity) > time(activities.at(-1) as Activity);

/** Every page newest first, until a short page (or the cap), reversed: the whole feed as one page. */
async function readReversed(
  query: ActivityQuery,
  signal: AbortSignal | undefined,
  first?: ActivityPage,
): Promise<ActivityPage> {
  const pages = [first ?? (await readPage(query, 1, null, signal))];
  while (pages.at(-1)?.hasNextPage && pages.length < OLDEST_FIRST_MAX_PAGES)
    pages.push(await readPage(query, pages.length + 1, null, signal));
  return {
    activities: pages.flatMap((page) => page.activities).reverse(),
    hasNextPage: false,
    skipped: pages.reduce((sum, page) => sum + (page.skipped ?? 0), 0),
  };
}

export async function getActivities(
  query: ActivityQuery,
  page: number,
  signal?: AbortSignal,
): Promise<ActivityPage> {
  if (!query.oldestFirst) return readPage(query, page, null, signal);
  if (sortHonoured === false) return page === 1 ? readReversed(query, signal) : emptyPage();
  if (page > 1) return readPage(query, page, 'created_at', signal);
  let sorted: ActivityPage;
  try {
    sorted = await readPage(query, 1, 'created_at', signal);
  } catch (error) {
    if (!(error instanceof ApiRequestError) || ![400, 422].includes(error.status)) throw error;
    sortHonoured = false;
    return readReversed(query, signal);
  }
  if (isNewestFirst(sorted.activities)) {
    sortHonoured = false;
    // The page read is the newest first page already.
    return readReversed(query, signal, sorted);
  }
  if (sorted.activities.length > 1) sortHonoured = true;
  return sorted;
}

const emptyPage = (): ActivityPage => ({ activities: [], hasNextPage: false, skipped: 0 });

export async function getActivity(id: string, signal?: AbortSignal): Promise<Activity> {
  const params = new URLSearchParams({ include: INCLUDE });
  const document = readSingle(
    await apiRequest(`/activities/${encodeURIComponent(id)}`, { params, signal }),
    'activities',
  );
  return parseActivity(document.data, document.included);
}
