import type { Notification } from '../../../api/notifications.ts';
import type { ProjectIndex } from '../../../replica/view.ts';
import { BACK_FROM_SNOOZE, dayGroup, type ListItem } from './day-groups.ts';
import type { Grouping } from './filters.ts';

export interface GroupingContext {
  projectOf: ProjectIndex;
  /** A project's name by id, where the notification does not name it. */
  projectName: (id: number) => string;
  typeLabel: (type: string) => string;
  /** Those back from snooze: their own group first, in the day grouping. */
  back: ReadonlySet<string>;
  /** Groups folded by the person (by group key). */
  collapsed: ReadonlySet<string>;
  now?: Date;
}

const NO_PROJECT = 'No project';

/** The local calendar day a time falls on, as [start, end) in ms, with its group. */
interface DayRange {
  from: number;
  to: number;
  group: { key: string; label: string };
}

/**
 * Which group a notification is in, as a key and the label its header shows. By day, the day last found is kept
 * (`lastDay`): a list newest first crosses into another day once per day, so a local date is worked out once per
 * day, not once per row (it is the costly part of grouping thousands).
 */
function groupOf(
  notification: Notification,
  grouping: Grouping,
  context: GroupingContext,
  lastDay: { range: DayRange | null },
): { key: string; label: string } {
  if (grouping === 'project') {
    const project = context.projectOf(notification);
    if (!project) return { key: 'project:none', label: NO_PROJECT };
    return {
      key: `project:${project.id}`,
      label: project.name.trim() || context.projectName(project.id),
    };
  }
  if (grouping === 'type') {
    const type = notification.targetType.toLowerCase();
    return { key: `type:${type}`, label: context.typeLabel(type) };
  }
  if (context.back.has(notification.id)) return BACK_GROUP;
  const time = notification.lastActionAt ? Date.parse(notification.lastActionAt) : NaN;
  if (Number.isNaN(time)) return NO_DATE_GROUP;
  const range = lastDay.range;
  if (range && time >= range.from && time < range.to) return range.group;
  const date = new Date(time);
  const from = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const to = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
  const label = dayGroup(notification.lastActionAt, context.now);
  lastDay.range = { from, to, group: { key: `day:${label}`, label } };
  return lastDay.range.group;
}

const BACK_GROUP = { key: 'back', label: BACK_FROM_SNOOZE };
const NO_DATE_GROUP = { key: `day:${dayGroup(null)}`, label: dayGroup(null) };

/**
 * The list as the virtualizer sees it, grouped: by day (the default: groups in time order), by project or type
 * (groups in the order of their newest notification, each newest first), or not at all. Each group's header names
 * it, counts it and lists its ids (for "Mark all read" and "Dismiss all"); a folded group shows its header only.
 * Linear in the number of notifications.
 */
export function groupItems(
  notifications: readonly Notification[],
  grouping: Grouping,
  context: GroupingContext,
): ListItem[] {
  if (grouping === 'none')
    return notifications.map((notification, index) => ({
      kind: 'row',
      key: notification.id,
      notification,
      position: index + 1,
    }));
  const groups = new Map<string, { label: string; rows: Notification[] }>();
  const lastDay: { range: DayRange | null } = { range: null };
  for (const notification of notifications) {
    const { key, label } = groupOf(notification, grouping, context, lastDay);
    let group = groups.get(key);
    if (!group) {
      group = { label, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(notification);
  }
  const items: ListItem[] = [];
  let position = 0;
  for (const [key, group] of groups) {
    const collapsed = context.collapsed.has(key);
    items.push({
      kind: 'header',
      key: `header:${key}`,
      label: group.label,
      count: group.rows.length,
      ids: group.rows.map((notification) => notification.id),
      collapsed,
      group: key,
    });
    for (const notification of group.rows) {
      position++;
      if (!collapsed) items.push({ kind: 'row', key: notification.id, notification, position });
    }
  }
  return items;
}
