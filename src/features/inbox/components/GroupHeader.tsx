import { Icon } from '../../../components/icons.tsx';
import type { ListItem } from '../model/day-groups.ts';

interface Props {
  item: Extract<ListItem, { kind: 'header' }>;
  /** How many of the group are unread (what "Mark all read" would change). */
  unread: number;
  inDismissedView: boolean;
  onToggle: (group: string) => void;
  onReadAll: (ids: string[]) => void;
  onDismissAll: (ids: string[]) => void;
}

/**
 * A group's header: its name and how many it holds, a button that folds it, and "Mark all read" and "Dismiss
 * all" for the group (the bulk actions, with undo). An article of the feed, so that its buttons are reachable.
 */
export function GroupHeader({
  item,
  unread,
  inDismissedView,
  onToggle,
  onReadAll,
  onDismissAll,
}: Props) {
  const ids = [...(item.ids ?? [])];
  const count = item.count ?? ids.length;
  const group = item.group ?? item.key;
  return (
    <div
      role="article"
      aria-label={`${item.label}: ${count} notification${count === 1 ? '' : 's'}`}
      data-testid="group-header"
      data-group={group}
      className="flex items-center gap-2 bg-slate-50 px-3 py-1.5 text-xs sm:px-4 dark:bg-slate-900"
    >
      <button
        type="button"
        aria-expanded={!item.collapsed}
        onClick={() => onToggle(group)}
        className="flex min-w-0 items-center gap-1 font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300"
      >
        <Icon name={item.collapsed ? 'chevron-down' : 'chevron-up'} />
        <span className="truncate">{item.label}</span>
        <span className="font-normal tabular-nums" data-testid="group-count">
          {count.toLocaleString('en-US')}
        </span>
      </button>
      <span className="ml-auto flex shrink-0 gap-2">
        {unread > 0 && (
          <button
            type="button"
            className="underline underline-offset-2"
            onClick={() => onReadAll(ids)}
          >
            Mark all read
            <span className="sr-only"> in {item.label}</span>
          </button>
        )}
        {!inDismissedView && (
          <button
            type="button"
            className="underline underline-offset-2"
            onClick={() => onDismissAll(ids)}
          >
            Dismiss all
            <span className="sr-only"> in {item.label}</span>
          </button>
        )}
      </span>
    </div>
  );
}
