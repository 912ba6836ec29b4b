import { memo } from 'react';
import { Icon } from '../../../components/icons.tsx';
import type { Activity } from '../../../api/activities.ts';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { renderCommentBody } from '../model/comment-markup.tsx';
import { ChangesetList } from './ChangesetList.tsx';
import { EmailBody } from './EmailBody.tsx';

const VERBS: Record<string, string> = {
  create: 'created',
  update: 'updated',
  edit: 'edited',
  copy: 'copied',
  delete: 'deleted',
  destroy: 'deleted',
};

/** What happened, in words; an unknown event is still readable. */
export function describeEvent(activity: Activity): string {
  const { event, itemType } = activity;
  if (itemType === 'comment')
    return event === 'create' ? 'commented' : `${VERBS[event] ?? event} a comment`;
  if (itemType === 'email')
    return event === 'create' ? 'emailed' : `${VERBS[event] ?? event} an email`;
  const noun = itemType ? itemType.replace(/_/g, ' ') : 'item';
  return `${VERBS[event] ?? `did “${event}” on`} the ${noun}`;
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
}

interface Props {
  activity: Activity;
  isNew: boolean;
  taskTitle?: string;
  /** A label for an entry to notice, e.g. a todo's own activity on its task's feed. */
  marker?: string;
}

export const ActivityEntry = memo(function ActivityEntry({
  activity,
  isNew,
  taskTitle,
  marker,
}: Props) {
  const who = activity.creator?.name ?? 'Someone';
  const onItself =
    activity.itemType === 'task' ||
    activity.itemType === 'comment' ||
    activity.itemType === 'email';
  const showParent =
    activity.parentName &&
    !(activity.parentType === 'task' && (!taskTitle || activity.parentName.includes(taskTitle)));
  return (
    <li
      data-testid="activity-entry"
      data-activity-id={activity.id}
      data-new={isNew}
      data-marked={marker ? true : undefined}
      className={`flex gap-3 border-b border-slate-200 px-3 py-3 sm:px-4 dark:border-slate-800 ${isNew ? 'bg-brand-50/70 dark:bg-slate-900' : ''}`}
    >
      {activity.creator?.avatarUrl ? (
        <img src={activity.creator.avatarUrl} alt="" className="size-8 shrink-0 rounded-full" />
      ) : (
        <span
          aria-hidden="true"
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100"
        >
          {initials(who) || '?'}
        </span>
      )}
      <div className="min-w-0 flex-1 text-sm">
        <p className="flex flex-wrap items-baseline gap-x-1.5">
          {isNew && (
            <span className="rounded bg-brand-600 px-1.5 text-xs font-semibold text-white">
              New
            </span>
          )}
          {marker && (
            <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              {marker}
            </span>
          )}
          <span className="font-medium">{who}</span>
          <span>{describeEvent(activity)}</span>
          {!onItself && activity.itemName && (
            <span className="font-medium break-words">{activity.itemName}</span>
          )}
          {showParent && (
            <span className="text-slate-600 dark:text-slate-400">in {activity.parentName}</span>
          )}
          <RelativeTime
            iso={activity.createdAt}
            className="text-xs text-slate-600 dark:text-slate-400"
          />
        </p>
        <ChangesetList changeset={activity.changeset} className="mt-1" />
        {activity.comment && (
          <div className="mt-1 break-words text-slate-800 dark:text-slate-200">
            {renderCommentBody(activity.comment.body)}
          </div>
        )}
        {activity.email && (
          <p className="mt-1 break-words text-slate-700 dark:text-slate-300">
            <span className="font-medium">{activity.email.subject || '(no subject)'}</span>
            {(activity.email.fromName || activity.email.fromAddress) && (
              <span className="text-slate-600 dark:text-slate-400">
                {' '}
                from {activity.email.fromName}{' '}
                {activity.email.fromAddress && `<${activity.email.fromAddress}>`}
              </span>
            )}
          </p>
        )}
        {activity.email && <EmailBody body={activity.email.body} />}
        {activity.attachment && (
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            <Icon name="paperclip" /> <span className="sr-only">Attachment: </span>
            {activity.attachment.name}
          </p>
        )}
      </div>
    </li>
  );
});
