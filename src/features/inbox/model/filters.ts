import type { NotificationQuery } from '../../../api/notifications.ts';
import {
  GROUP_PARAM,
  INBOX_VIEW_PATHS,
  SEARCH_PARAM,
  inboxAddress,
  isAddressId,
  OPEN_PARAM,
  type InboxView,
} from '../../../lib/addresses.ts';

/** The four views of the inbox, each a URL. */
export const VIEWS = {
  inbox: { path: INBOX_VIEW_PATHS.inbox, label: 'Inbox', query: { dismissed: false } },
  important: {
    path: INBOX_VIEW_PATHS.important,
    label: 'Important',
    query: { dismissed: false, important: true },
  },
  mentions: {
    path: INBOX_VIEW_PATHS.mentions,
    label: 'Mentions',
    query: { dismissed: false, mention: true },
  },
  dismissed: { path: INBOX_VIEW_PATHS.dismissed, label: 'Dismissed', query: { dismissed: true } },
} as const satisfies Record<InboxView, { path: string; label: string; query: NotificationQuery }>;

export type ViewName = keyof typeof VIEWS;
export const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];

/** Target types Productive names; the type filter offers these. */
export const TARGET_TYPES = [
  'task',
  'todo',
  'deal',
  'project',
  'page',
  'discussion',
  'invoice',
  'company',
  'person',
  'booking',
] as const;

export type Importance = 'important' | 'normal';
export type ReadState = 'unread' | 'read';
/** How the list is grouped: by day (the default), project, type, or not at all. */
export const GROUPINGS = ['day', 'project', 'type', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];
/** The longest search kept from an address: longer ones are cut there. */
export const MAX_SEARCH_LENGTH = 200;

export interface InboxFilters {
  projectIds: number[];
  types: string[];
  importance: Importance | null;
  /** Inclusive calendar days, YYYY-MM-DD, in the user's time zone. */
  after: string | null;
  before: string | null;
  read: ReadState | null;
  /** The search box's words (`q=`), as typed; '' for none. */
  search: string;
  /** How the list is grouped (`group=`; day when absent). Not a filter: it changes no count. */
  group: Grouping;
}

export const NO_FILTERS: InboxFilters = {
  projectIds: [],
  types: [],
  importance: null,
  after: null,
  before: null,
  read: null,
  search: '',
  group: 'day',
};

export interface ParsedFilters {
  filters: InboxFilters;
  /** `name=value` of every parameter that was ignored, for the notice. */
  ignored: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    year >= 2000 &&
    year <= 2100
  );
}

const describe = (name: string, value: string) =>
  `${name}=${value.length > 40 ? `${value.slice(0, 40)}…` : value}`;

/** Reads filters from the URL: every bad value is dropped and named, nothing throws. */
export function parseFilters(params: URLSearchParams): ParsedFilters {
  const filters: InboxFilters = { ...NO_FILTERS, projectIds: [], types: [] };
  const ignored: string[] = [];
  let openSeen = false;
  for (const [name, value] of params) {
    switch (name) {
      case 'project':
        for (const part of value.split(',')) {
          if (/^\d{1,12}$/.test(part) && Number(part) > 0) {
            if (!filters.projectIds.includes(Number(part))) filters.projectIds.push(Number(part));
          } else ignored.push(describe(name, part));
        }
        break;
      case 'type':
        for (const part of value.split(',')) {
          const type = part.toLowerCase();
          if ((TARGET_TYPES as readonly string[]).includes(type)) {
            if (!filters.types.includes(type)) filters.types.push(type);
          } else ignored.push(describe(name, part));
        }
        break;
      case 'importance':
        if (value === 'important' || value === 'normal') filters.importance = value;
        else ignored.push(describe(name, value));
        break;
      case 'read':
        if (value === 'unread' || value === 'read') filters.read = value;
        else ignored.push(describe(name, value));
        break;
      case 'after':
      case 'before':
        if (isCalendarDay(value)) filters[name] = value;
        else ignored.push(describe(name, value));
        break;
      case SEARCH_PARAM:
        filters.search = value.slice(0, MAX_SEARCH_LENGTH);
        break;
      case GROUP_PARAM:
        if ((GROUPINGS as readonly string[]).includes(value)) filters.group = value as Grouping;
        else ignored.push(describe(name, value));
        break;
      case OPEN_PARAM:
        // The reading pane's notification: not a filter, read by the pane; a malformed or second one is named.
        if (!isAddressId(value) || openSeen) ignored.push(describe(name, value));
        openSeen = true;
        break;
      default:
        ignored.push(describe(name, value));
    }
  }
  if (filters.after && filters.before && filters.after > filters.before) {
    ignored.push(describe('before', filters.before));
    filters.before = null;
  }
  return { filters, ignored };
}

/** Writes filters back to the URL in a stable order; nothing else is kept, so links never drop or duplicate. */
export function filtersToSearchParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.projectIds.length) params.set('project', filters.projectIds.join(','));
  if (filters.types.length) params.set('type', filters.types.join(','));
  if (filters.importance) params.set('importance', filters.importance);
  if (filters.after) params.set('after', filters.after);
  if (filters.before) params.set('before', filters.before);
  if (filters.read) params.set('read', filters.read);
  if (filters.search.trim()) params.set(SEARCH_PARAM, filters.search);
  if (filters.group !== 'day') params.set(GROUP_PARAM, filters.group);
  return params;
}

/**
 * A view's address with its filters, built by the addresses module (`open`, the pane's notification, too). The
 * Important view has its own importance: the filter is not carried into it.
 */
export function hrefFor(view: ViewName, filters: InboxFilters, open?: string | null): string {
  const carried = view === 'important' ? { ...filters, importance: null } : filters;
  return inboxAddress(view, filtersToSearchParams(carried), open);
}

/** Whether anything narrows the list (the grouping does not). */
export const hasFilters = (filters: InboxFilters) =>
  filtersToSearchParams({ ...filters, group: 'day' }).size > 0;

/** Midnight at the start of a calendar day in the user's time zone, as an ISO instant. */
const startOfDay = (day: string, offsetDays = 0) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + offsetDays).toISOString();
};

/** What to ask the server for: the view's query plus every filter it can apply (it has no read filter). */
export function toNotificationQuery(view: ViewName, filters: InboxFilters): NotificationQuery {
  const query: NotificationQuery = { ...VIEWS[view].query };
  if (filters.projectIds.length) query.projectIds = [...filters.projectIds].sort((a, b) => a - b);
  if (filters.types.length) query.types = [...filters.types].sort();
  if (filters.importance && view !== 'important')
    query.important = filters.importance === 'important';
  if (filters.after) query.after = startOfDay(filters.after);
  if (filters.before) query.before = startOfDay(filters.before, 1);
  return query;
}

/**
 * The filters a view actually applies, and the ones it cannot, named for the notice: importance in the Important
 * view (which shows important ones only), and projects that do not exist (once the projects are known).
 */
export function applicableFilters(
  view: ViewName,
  filters: InboxFilters,
  knownProjectIds: ReadonlySet<number> | null,
): ParsedFilters {
  const ignored: string[] = [];
  const projectIds = filters.projectIds.filter((id) => {
    if (!knownProjectIds || knownProjectIds.has(id)) return true;
    ignored.push(`project=${id} (no such project)`);
    return false;
  });
  let importance = filters.importance;
  if (view === 'important' && importance) {
    ignored.push(`importance=${importance} (this view shows important notifications only)`);
    importance = null;
  }
  return { filters: { ...filters, projectIds, importance }, ignored };
}
