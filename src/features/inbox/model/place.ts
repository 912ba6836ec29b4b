import type { Notification } from '../../../api/notifications.ts';

type PlaceRef = Pick<Notification, 'parentType' | 'parentTitle' | 'rootId' | 'rootType'>;

/**
 * Where a notification's item lives, for its row: the project for every type (a task's parent, a todo's or
 * comment's root), else what it sits in (a deal's company); null where the API says nothing. A project known only
 * by its id waits for the project list, else says "Project 12".
 */
export function placeOf(
  notification: PlaceRef,
  projectName: (id: number) => string | undefined,
): string | null {
  if (notification.rootType === 'project' && notification.rootId != null)
    return (
      projectName(notification.rootId) ??
      (notification.parentType === 'project' ? notification.parentTitle : null) ??
      `Project ${notification.rootId}`
    );
  return notification.parentTitle?.trim() || null;
}
