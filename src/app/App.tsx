import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useState } from 'react';
import { BrowserRouter, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { BackgroundErrors } from '../components/BackgroundErrors.tsx';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
import { ToastProvider } from '../components/toasts.tsx';
import { setNotificationActionDefaults } from '../features/inbox/api/use-notification-action.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { persistOptions } from './persistence.ts';
import { createQueryClient } from './query-client.ts';

function createClient() {
  const queryClient = createQueryClient();
  setNotificationActionDefaults(queryClient);
  return queryClient;
}

/** The routes, with a failure on one page cleared by going to another. */
function Pages() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <AppRoutes />
    </ErrorBoundary>
  );
}

export function App() {
  const [queryClient] = useState(createClient);
  const [options] = useState(persistOptions);
  return (
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={options}
      // Actions queued before a reload are sent as soon as the cache is back (and the network, if it was away);
      // then the restored lists, which may be older than they look, are refetched.
      onSuccess={() =>
        void queryClient.resumePausedMutations().then(() => queryClient.invalidateQueries())
      }
    >
      <ToastProvider>
        <BackgroundErrors />
        <BrowserRouter>
          <OfflineBanner />
          <Pages />
        </BrowserRouter>
      </ToastProvider>
    </PersistQueryClientProvider>
  );
}
