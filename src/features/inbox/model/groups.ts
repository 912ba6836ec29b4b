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

/** Which group a notification is in, as a key and the label its header shows. */
function groupOf(
  notification: Notification,
  grouping: Grouping,
  context: GroupingContext,
  dayLabels: Map<number, string>,
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
  if (context.back.has(notification.id)) return { key: 'back', label: BACK_FROM_SNOOZE };
  const time = notification.lastActionAt ? Date.parse(notification.lastActionAt) : NaN;
  const date = Number.isNaN(time) ? null : new Date(time);
  const day = date ? new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() : NaN;
  let label = dayLabels.get(day);
  if (label === undefined) {
    label = dayGroup(notification.lastActionAt, context.now);
    dayLabels.set(day, label);
  }
  return { key: `day:${label}`, label };
}

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
  const dayLabels = new Map<number, string>();
  for (const notification of notifications) {
    const { key, label } = groupOf(notification, grouping, context, dayLabels);
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
