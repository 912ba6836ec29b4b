import type { Notification, NotificationQuery } from '../api/notifications.ts';

/**
 * Views over the replica, pure: which notifications a query lists, in the server's order, and the search over
 * them. Everything here runs in linear time over what it is given.
 */

/** Newest last action first, then the higher id: the order the API lists notifications in. */
export const newerFirst = (a: Notification, b: Notification) =>
  (b.lastActionAt ?? '').localeCompare(a.lastActionAt ?? '') || Number(b.id) - Number(a.id);

/**
 * The project a notification belongs to, as far as the notification tells: its parent when that is a project,
 * itself when it is one, else (a todo under a task) its parent task's project when another notification of the
 * replica names it. The API's notification carries no project of its own (docs/decisions/016-replica.md).
 */
export interface ProjectRef {
  id: number;
  name: string;
}

export type ProjectIndex = (notification: Notification) => ProjectRef | null;

const directProject = (notification: Notification): ProjectRef | null => {
  if (notification.parentType?.toLowerCase() === 'project' && notification.parentId !== null)
    return { id: notification.parentId, name: notification.parentTitle ?? '' };
  if (notification.targetType.toLowerCase() === 'project')
    return { id: notification.targetId, name: notification.targetTitle };
  return null;
};

/**
 * Learns each task's project from the notifications about the task, for the todos under it. A project learned
 * from the server (`projectId`, see queries.ts) comes first; `names` names projects known only by id.
 */
export function projectIndex(
  notifications: Iterable<Notification>,
  names: (id: number) => string = () => '',
): ProjectIndex {
  const taskProject = new Map<number, ProjectRef>();
  for (const notification of notifications) {
    const project = directProject(notification);
    if (project && notification.targetType.toLowerCase() === 'task')
      taskProject.set(notification.targetId, project);
  }
  return (notification) => {
    const direct = directProject(notification);
    if (notification.projectId !== undefined) {
      if (direct?.id === notification.projectId) return direct;
      return { id: notification.projectId, name: names(notification.projectId) };
    }
    if (direct) return direct;
    if (notification.parentType?.toLowerCase() === 'task' && notification.parentId !== null)
      return taskProject.get(notification.parentId) ?? null;
    return null;
  };
}

/**
 * Whether a notification passes a query's filters other than the project (which only the replica's project
 * index can tell): the ids, states, types and dates. Shared by the replica's views and the cache updates.
 */
export function matchesFilters(notification: Notification, query: NotificationQuery): boolean {
  if (query.ids && !query.ids.includes(notification.id)) return false;
  if (query.dismissed !== undefined && notification.dismissed !== query.dismissed) return false;
  if (query.important !== undefined && notification.important !== query.important) return false;
  if (query.mention !== undefined && notification.mention !== query.mention) return false;
  if (query.types?.length && !query.types.includes(notification.targetType.toLowerCase()))
    return false;
  if (query.after || query.before) {
    const time = notification.lastActionAt ? Date.parse(notification.lastActionAt) : NaN;
    if (query.after && !(time > Date.parse(query.after))) return false;
    if (query.before && !(time < Date.parse(query.before))) return false;
  }
  return true;
}

/** Whether a notification belongs to a query's list (every filter the API has, applied here). */
export function inQuery(
  notification: Notification,
  query: NotificationQuery,
  projectOf: ProjectIndex,
): boolean {
  if (!matchesFilters(notification, query)) return false;
  if (query.projectIds?.length) {
    const project = projectOf(notification);
    if (!project || !query.projectIds.includes(project.id)) return false;
  }
  return true;
}

/**
 * Text as search compares it: letters without their accents, lower case, runs of space as one. "Éva  Núñez" and
 * "eva nunez" are the same.
 */
export function normalizeForSearch(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ');
}

/** Letters without their accents, lower case: all a text searched through needs (a term never holds a space). */
const foldForSearch = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a search, normalised; every one must occur for a notification to match. */
export function searchTerms(search: string): string[] {
  return normalizeForSearch(search).trim().split(' ').filter(Boolean);
}

/** Markup tags out of a title (`created task <b>#1</b>`), in one linear pass: search reads the words only. */
const stripTags = (text: string) => text.replace(/<[^<>]*>/g, '');

/**
 * What search looks through: title, target, project (parent), actor's name and excerpt, folded once (accents and
 * case; its spaces are left as they are, since the terms it is searched for hold none).
 */
export function searchableText(notification: Notification, project: ProjectRef | null): string {
  return foldForSearch(
    [
      stripTags(notification.title),
      notification.targetTitle,
      notification.parentTitle ?? '',
      project?.name ?? '',
      notification.actor?.name ?? '',
      notification.excerpt,
    ].join('\n'),
  );
}

/** Whether every term occurs in the text (both normalised). */
export const matchesTerms = (text: string, terms: readonly string[]) =>
  terms.every((term) => text.includes(term));

/** Printable ASCII (and line breaks, tabs): text whose lower case keeps each character in its place. */
const ASCII = /^[ -~\t\n\r]*$/;

/**
 * Where the terms occur in a piece of text as shown, as `[start, end)` ranges of the original string, merged and
 * in order: what the list highlights. Accents and case are ignored, as in the search itself.
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0 || text === '') return [];
  // The normalised text, and for each of its characters the original index it came from (none needed for plain
  // ASCII, the common case: lower case keeps every character where it was).
  let folded = '';
  let origin: number[] | null = null;
  if (ASCII.test(text)) folded = text.toLowerCase();
  else {
    origin = [];
    let index = 0;
    for (const char of text) {
      const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const mapped = /\s/.test(plain) ? ' ' : plain;
      for (let k = 0; k < mapped.length; k++) origin.push(index);
      folded += mapped;
      index += char.length;
    }
    origin.push(index);
  }
  const at = (position: number) => (origin ? (origin[position] as number) : position);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let from = folded.indexOf(term);
    while (from >= 0) {
      const end = from + term.length;
      ranges.push([at(from), at(end)]);
      from = folded.indexOf(term, end);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
