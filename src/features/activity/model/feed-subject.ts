import type { Activity, FeedKind } from '../../../api/activities.ts';

/** What a feed is about, as its header names it. */
export interface FeedSubject {
  title: string;
  /** The item it belongs to (a deal's company, a discussion's project), if the activities name one. */
  parent: string | null;
}

/**
 * A deal's or discussion's name and parent, from its own activities (the API has no deal or discussion
 * resource the app reads): an activity on the item names it (`item_name`) and its parent; an activity under it
 * (a comment in a discussion) names it as its parent and its root above.
 */
export function subjectFromActivities(
  kind: FeedKind,
  activities: readonly Activity[],
): FeedSubject | null {
  const same = (type: string | null) => type?.toLowerCase() === kind;
  for (const activity of activities)
    if (same(activity.itemType) && activity.itemName)
      return {
        title: activity.itemName,
        parent: activity.parentName && !same(activity.parentType) ? activity.parentName : null,
      };
  for (const activity of activities)
    if (same(activity.parentType) && activity.parentName)
      return { title: activity.parentName, parent: activity.rootName };
  return null;
}
