import { useIsRestoring, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { loadEntries, thisTab } from '../api/action-queue.ts';
import { useToast } from '../components/toasts.tsx';

const ORPHAN_CHECK_MS = 3000;

/**
 * Whatever page of the app runs: replies left queued by pages that are gone (a reload, a closed tab, the server
 * unreachable when they were written) are sent from here. The code that sends them is loaded only when there are
 * some, so the inbox's first download does not grow.
 */
export function useCommentReplay() {
  const queryClient = useQueryClient();
  const restoring = useIsRestoring();
  const showToast = useToast();
  useEffect(() => {
    if (restoring) return;
    const replay = () => {
      const orphan = loadEntries().some(
        (entry) => entry.kind === 'comment' && entry.failure === null && entry.owner !== thisTab,
      );
      if (!orphan) return;
      import('../api/comment-outbox.ts')
        .then(({ replayOrphanComments }) =>
          replayOrphanComments(queryClient, (_entry, reason) =>
            showToast({ tone: 'error', message: `A reply could not be sent: ${reason}` }),
          ),
        )
        // Its code could not be downloaded (the server is away): the next look tries again.
        .catch(() => {});
    };
    replay();
    // A tab that closes says nothing: look for its replies now and then.
    const timer = setInterval(replay, ORPHAN_CHECK_MS);
    return () => clearInterval(timer);
  }, [restoring, queryClient, showToast]);
}
