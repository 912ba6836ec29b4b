import type { ActivityQuery, FeedTarget } from '../../../api/activities.ts';
import {
  FEED_CONTEXT_PARAMS,
  feedContextParams,
  isAddressId,
  readFeedContext,
} from '../../../lib/addresses.ts';

export const KINDS = { comments: 1, changes: 2, emails: 3 } as const;
export type Kind = keyof typeof KINDS;
export const EVENTS = ['create', 'update', 'edit', 'copy', 'delete'] as const;

export interface FeedFilters {
  kinds: Kind[];
  events: string[];
  personIds: number[];
  oldestFirst: boolean;
}

export const NO_FEED_FILTERS: FeedFilters = {
  kinds: [],
  events: [],
  personIds: [],
  oldestFirst: false,
};

export function parseFeedFilters(params: URLSearchParams): {
  filters: FeedFilters;
  ignored: string[];
} {
  const filters: FeedFilters = { kinds: [], events: [], personIds: [], oldestFirst: false };
  const ignored: string[] = [];
  const note = (name: string, value: string) =>
    ignored.push(`${name}=${value.length > 40 ? `${value.slice(0, 40)}…` : value}`);
  for (const [name, value] of params) {
    const parts = value.split(',');
    switch (name) {
      case 'kind':
        for (const part of parts) {
          if (Object.hasOwn(KINDS, part)) {
            if (!filters.kinds.includes(part as Kind)) filters.kinds.push(part as Kind);
          } else note(name, part);
        }
        break;
      case 'event':
        for (const part of parts) {
          if ((EVENTS as readonly string[]).includes(part)) {
            if (!filters.events.includes(part)) filters.events.push(part);
          } else note(name, part);
        }
        break;
      case 'person':
        for (const part of parts) {
          if (/^\d{1,12}$/.test(part) && Number(part) > 0) filters.personIds.push(Number(part));
          else note(name, part);
        }
        break;
      case 'order':
        if (value === 'oldest') filters.oldestFirst = true;
        else if (value !== 'newest') note(name, value);
        break;
      // Context from the inbox: which notification led here, its first unread activity, a todo to mark.
      case FEED_CONTEXT_PARAMS.notification:
      case FEED_CONTEXT_PARAMS.unread:
      case FEED_CONTEXT_PARAMS.todo:
        if (!isAddressId(value)) note(name, value);
        break;
      default:
        note(name, value);
    }
  }
  return { filters, ignored };
}

/** Writes the feed filters back, keeping the notification context the page was opened with. */
export function feedSearchParams(filters: FeedFilters, context: URLSearchParams): URLSearchParams {
  const params = feedContextParams(readFeedContext(context));
  if (filters.kinds.length) params.set('kind', filters.kinds.join(','));
  if (filters.events.length) params.set('event', filters.events.join(','));
  if (filters.personIds.length) params.set('person', filters.personIds.join(','));
  if (filters.oldestFirst) params.set('order', 'oldest');
  return params;
}

export function toActivityQuery(target: FeedTarget, filters: FeedFilters): ActivityQuery {
  const query: ActivityQuery = { target: { kind: target.kind, id: target.id } };
  if (filters.kinds.length) query.kinds = filters.kinds.map((kind) => KINDS[kind]).sort();
  if (filters.events.length) query.events = [...filters.events].sort();
  if (filters.personIds.length) query.creatorIds = [...filters.personIds].sort((a, b) => a - b);
  if (filters.oldestFirst) query.oldestFirst = true;
  return query;
}
