import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Mention } from '../../../api/comment-queue.ts';
import type { FeedTarget } from '../../../api/activities.ts';
import { retryComment, sendComment, takeBackComment } from '../../../api/comment-outbox.ts';
import { returnToDraft } from './drafts.ts';

/** Sends a reply on one item: written to the durable queue at once, shown as sending, then sent (comment-outbox). */
export function useSendReply(target: FeedTarget) {
  const queryClient = useQueryClient();
  return useCallback(
    (text: string, mentions: readonly Mention[]) => {
      // A refusal is shown on the reply itself, with Retry.
      sendComment(queryClient, target, text, mentions).sent.catch(() => {});
    },
    [queryClient, target],
  );
}

/** What can be done with a refused reply: send it again, or take it back into the composer to edit. */
export function usePendingReplyActions() {
  const queryClient = useQueryClient();
  return {
    retry: (key: string) => void retryComment(queryClient, key).catch(() => {}),
    edit: (key: string) => {
      const entry = takeBackComment(key);
      if (entry) returnToDraft(entry.target, entry.text, entry.mentions);
      return entry;
    },
  };
}
