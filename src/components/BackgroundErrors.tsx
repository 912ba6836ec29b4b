import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useToast } from './toasts.tsx';

/** A refetch that fails while data is on screen says so in a toast; first-load errors belong to the page. */
export function BackgroundErrors() {
  const queryClient = useQueryClient();
  const showToast = useToast();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        if (event.query.state.data === undefined) return;
        showToast({
          tone: 'error',
          message: `Could not refresh: ${event.action.error.message}`,
          action: { label: 'Retry', run: () => void event.query.fetch() },
        });
      }),
    [queryClient, showToast],
  );
  return null;
}
