import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { SAVED_VIEW_LIST_KEY, type SavedView } from '../../../api/saved-views.ts';

/** Where a list's `g` keys go: `g i` to the Inbox view (with the filters), `g 1`…`g 9` to a saved view. */
export function useListGoTo(inboxViewHref: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return {
    goInbox: () => void navigate(inboxViewHref),
    // The list as the sidebar keeps it (its code is the sidebar's lazy chunk).
    goSavedView: (index: number) => {
      const saved = queryClient.getQueryData<SavedView[]>(SAVED_VIEW_LIST_KEY)?.[index];
      if (saved) void navigate(saved.address);
    },
  };
}
