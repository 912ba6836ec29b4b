import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useState } from 'react';
import { BrowserRouter, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { BackgroundErrors } from '../components/BackgroundErrors.tsx';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
import { ToastProvider } from '../components/toasts.tsx';
import { setNotificationActionDefaults } from '../features/inbox/api/use-notification-action.ts';
import { claimThisTab } from '../features/inbox/api/action-queue.ts';
import { useQueueReplay } from '../features/inbox/api/use-queue-replay.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { persistOptions, saveCacheOnLeave } from './persistence.ts';
import { createQueryClient } from './query-client.ts';

function createClient() {
  claimThisTab();
  const queryClient = createQueryClient();
  setNotificationActionDefaults(queryClient);
  saveCacheOnLeave(queryClient);
  return queryClient;
}

/** Actions left queued by pages that are gone are sent from whichever page runs now. */
function QueueReplay() {
  useQueueReplay();
  return null;
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
    <PersistQueryClientProvider client={queryClient} persistOptions={options}>
      <ToastProvider>
        <QueueReplay />
        <BackgroundErrors />
        <BrowserRouter>
          <OfflineBanner />
          <Pages />
        </BrowserRouter>
      </ToastProvider>
    </PersistQueryClientProvider>
  );
}
