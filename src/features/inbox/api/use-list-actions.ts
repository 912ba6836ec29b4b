import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { useToast } from '../../../components/toasts.tsx';
import type { InboxAction } from '../model/inbox-actions.ts';
import type { SelectionEvent } from '../model/selection.ts';
import { titleText } from '../model/title-markup.ts';
import { acknowledgeBack, wokenAmong } from './snooze-queries.ts';
import type { Triage } from './use-triage.ts';

interface Options {
  /** The rows shown, by id. */
  byId: ReadonlyMap<string, Notification>;
  triage: Triage;
  anySelected: boolean;
  dispatch: (event: SelectionEvent) => void;
}

/**
 * The list's actions on its rows: read, dismiss, restore, snooze through the triage (optimistic, undoable), only on rows
 * they change ("Already read" is said, not silently ignored), clearing the selection they used. Rows selected
 * through "Select all N matching" that are not loaded count by the read state fetched with their ids.
 */
export function useListActions({ byId, triage, anySelected, dispatch }: Options) {
  const showToast = useToast();
  const queryClient = useQueryClient();
  const [matchingRead, setMatchingRead] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isRead = useCallback(
    (id: string) => byId.get(id)?.read ?? matchingRead.get(id) ?? false,
    [byId, matchingRead],
  );

  const act = useCallback(
    (targets: string[], action: InboxAction, wakeAt?: string) => {
      const wanted = targets.filter((id) => !(action === 'read' && isRead(id)));
      // Read ones back from snooze: "mark as read" clears their mark, as reading them would.
      if (action === 'read')
        acknowledgeBack(
          queryClient,
          wokenAmong(
            queryClient,
            targets.filter((id) => isRead(id)),
          ),
        );
      if (wanted.length === 0) {
        if (targets.length > 0)
          showToast({
            tone: 'info',
            message: targets.length === 1 ? 'Already read' : `All ${targets.length} already read`,
          });
        return;
      }
      const only = wanted.length === 1 ? byId.get(wanted[0] as string) : undefined;
      triage.act(wanted, action, only ? titleText(only.targetTitle || only.title) : undefined, {
        wakeAt,
      });
      if (anySelected) dispatch({ type: 'clear' });
    },
    [byId, isRead, triage, anySelected, showToast, dispatch, queryClient],
  );

  return { act, isRead, setMatchingRead };
}
