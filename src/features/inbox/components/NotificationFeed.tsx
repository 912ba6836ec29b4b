import { useMemo } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { SearchTermsContext } from '../../../components/Highlighted.tsx';
import { usePendingIds } from '../api/use-pending-ids.ts';
import { useAllProjects } from '../api/use-projects.ts';
import type { ListItem } from '../model/day-groups.ts';
import { placeOf } from '../model/place.ts';
import type { SelectionState } from '../model/selection.ts';
import { GroupHeader } from './GroupHeader.tsx';
import { NotificationRow, RowHandlersContext, type RowHandlers } from './NotificationRow.tsx';
import { VirtualFeed } from './VirtualFeed.tsx';

interface Props {
  items: ListItem[];
  ids: readonly string[];
  byId: ReadonlyMap<string, Notification>;
  /** The search's words, highlighted in the rows. */
  terms: readonly string[];
  /** How many the list holds (each row says its position in it). */
  setSize: number;
  /** Marked "Back from snooze". */
  backIds: ReadonlySet<string>;
  actions: RowHandlers['actions'];
  onOpen: RowHandlers['onOpen'];
  onToggle: RowHandlers['onToggle'];
  onFocusRow: RowHandlers['onFocusRow'];
  inDismissedView: boolean;
  dayHeadings: boolean;
  selection: SelectionState;
  focusNonce: number;
  openId: string | null;
  busy: boolean;
  toggleGroup: (key: string) => void;
  onStickyDayChange: (day: string | null) => void;
  /** The snooze menu's request for a row (the `h` key). */
  snoozeRequestFor: (id: string) => number;
}

/** The rows and group headers of one list, virtualized: what each row shows and which one is current. */
export function NotificationFeed({
  items,
  ids,
  byId,
  terms,
  backIds,
  setSize,
  actions,
  onOpen,
  onToggle,
  onFocusRow,
  inDismissedView,
  dayHeadings,
  selection,
  focusNonce,
  openId,
  busy,
  toggleGroup,
  onStickyDayChange,
  snoozeRequestFor,
}: Props) {
  const pending = usePendingIds();
  const { projects } = useAllProjects(false);
  const projectNames = useMemo(
    () => new Map(projects.map((project) => [project.id, project.name])),
    [projects],
  );
  const tabbableId =
    selection.focusedId && byId.has(selection.focusedId) ? selection.focusedId : ids[0];
  // The same for every row, across renders: a row re-renders only when it changes.
  const handlers = useMemo<RowHandlers>(
    () => ({ actions, onOpen, onToggle, onFocusRow, inDismissedView, dayHeadings }),
    [actions, onOpen, onToggle, onFocusRow, inDismissedView, dayHeadings],
  );
  return (
    <SearchTermsContext value={terms}>
      <RowHandlersContext value={handlers}>
        <VirtualFeed
          items={items}
          busy={busy}
          focusedId={selection.focusedId}
          focusNonce={focusNonce}
          onStickyDayChange={onStickyDayChange}
          renderHeader={(item) => (
            <GroupHeader
              item={item}
              unread={(item.ids ?? []).filter((id) => byId.get(id)?.read === false).length}
              inDismissedView={inDismissedView}
              onToggle={toggleGroup}
              onReadAll={actions.read}
              onDismissAll={actions.dismiss}
            />
          )}
          renderRow={({ notification, position }) => (
            <NotificationRow
              notification={notification}
              position={position}
              setSize={setSize}
              focused={selection.focusedId === notification.id}
              tabbable={tabbableId === notification.id}
              selected={selection.selected.has(notification.id)}
              pending={pending.has(notification.id)}
              open={openId === notification.id}
              backFromSnooze={backIds.has(notification.id)}
              snoozeRequest={snoozeRequestFor(notification.id)}
              place={placeOf(notification, (id) => projectNames.get(id))}
            />
          )}
        />
      </RowHandlersContext>
    </SearchTermsContext>
  );
}
