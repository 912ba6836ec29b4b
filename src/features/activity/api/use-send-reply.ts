import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { FeedTarget } from '../../../api/activities.ts';
import { retryReply, sendReply, takeBackReply, type Mention } from './replies.ts';
import { returnToDraft } from './drafts.ts';

/** Sends a reply on one item: written to the outbox at once, shown as sending, then sent (replies.ts). */
export function useSendReply(target: FeedTarget) {
  const queryClient = useQueryClient();
  return useCallback(
    (text: string, mentions: readonly Mention[]) => {
      // A refusal is shown on the reply itself, with Retry.
      sendReply(queryClient, target, text, mentions).sent.catch(() => {});
    },
    [queryClient, target],
  );
}

/** What can be done with a refused reply: send it again, or take it back into the composer to edit. */
export function usePendingReplyActions() {
  const queryClient = useQueryClient();
  return {
    retry: (key: string) => void retryReply(queryClient, key).catch(() => {}),
    edit: (key: string) => {
      const entry = takeBackReply(key);
      if (entry) returnToDraft(entry.payload.target, entry.payload.text, entry.payload.mentions);
      return entry;
    },
  };
}
