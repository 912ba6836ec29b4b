import { useIsRestoring, useMutationState, useQueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import {
  createContext,
  lazy,
  Suspense,
  use,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Outlet, useLocation } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { onSessionChanged, setRequestScope } from '../api/http.ts';
import type { PublicSession } from '../api/session.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { lazyPage } from '../components/LazyPage.tsx';
import { BackgroundErrors } from '../components/BackgroundErrors.tsx';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
// Directly, not through the feature's index: the frame needs the setting and the watch's loader only.
import { PaletteLauncher } from '../features/palette/index.ts';
import { ReadOnlyNotice } from './ReadOnlyNotice.tsx';
import { ToastProvider, useToast } from '../components/toasts.tsx';
import { setNotificationActionDefaults } from '../features/inbox/api/action-defaults.ts';
import { discardOtherScopes, dropPageCopy, setDeviceScope } from '../lib/device-data.ts';
import { connectReplica } from '../features/inbox/api/replica-connection.ts';
import { deleteOtherReplicas, openReplica } from '../replica/store.ts';
import { seedFirstPage } from '../features/inbox/first-page.ts';
import { releaseFirstPaint } from '../lib/first-paint.ts';
import { keepPageCopy, persistOptions, restoreCacheNow, saveCacheOnLeave } from './persistence.ts';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './routes.tsx';
import { ROUTES } from '../lib/addresses.ts';
import { recheckSession, useSession } from './use-session.ts';
import { OrganizationContext } from '../lib/organization.ts';

// The account line is not needed to paint the inbox: its code is fetched at once, beside the first list request,
// and a line of its height holds its place until then.
const loadAccountBar = () =>
  import('../features/session/AccountBar.tsx').then((module) => module.AccountBar);
const accountBarLoading = loadAccountBar();
accountBarLoading.catch(() => {});
const AccountBar = lazyPage(() => accountBarLoading.catch(loadAccountBar), {
  part: true,
  fallback: (
    <div className="border-b border-slate-200 px-4 py-1 text-xs dark:border-slate-800">
      {/* As tall as the line's buttons (py-1 of text-xs), so that nothing moves when they come. */}
      <span className="invisible inline-block py-1">Loading</span>
    </div>
  ),
});

/** The account line, fed from here so that its own chunk needs nothing of React Query. */
function Account({ session }: { session: PublicSession }) {
  const waiting = useMutationState({ filters: { status: 'pending' } }).length;
  const queryClient = useQueryClient();
  return (
    <AccountBar
      session={session}
      waiting={waiting}
      onCleared={() => {
        // The actions still retrying were dropped with the device's data (never sent: src/api/http.ts): nothing
        // may still say they will be.
        queryClient.getMutationCache().clear();
        void queryClient.resetQueries();
      }}
    />
  );
}

// Only team mode, signed out, needs the form: its own chunk.
// Desktop notifications watch for what arrives from now on: their setting's code loads after the first screen.
// (Its code not downloadable, offline: no alerts until the next page, never an error.)
const DesktopAlerts = lazy(() =>
  import('../features/alerts/DesktopAlerts.tsx').then(
    (module) => ({ default: module.DesktopAlerts }),
    () => ({ default: () => null }),
  ),
);
const SignInPage = lazy(() =>
  import('../features/session/SignInPage.tsx').then((module) => ({ default: module.SignInPage })),
);

function createClient() {
  const queryClient = createQueryClient();
  setNotificationActionDefaults(queryClient);
  restoreCacheNow(queryClient);
  // The Inbox view's first page, if the page carries it: fresher than what was restored (docs/decisions/019).
  seedFirstPage(queryClient);
  saveCacheOnLeave(queryClient);
  keepPageCopy(queryClient);
  return queryClient;
}

/** Once the cache is restored: what pages that are gone left in the outbox is sent from whichever page runs now. */
function OutboxReplay() {
  const queryClient = useQueryClient();
  const restoring = useIsRestoring();
  const showToast = useToast();
  useEffect(() => {
    if (restoring) return;
    // Its code (outbox-senders.ts) downloads now, after the first render.
    let stop: (() => void) | null = null;
    let stopped = false;
    void import('./outbox-senders.ts')
      .then((module) => {
        if (!stopped) stop = module.startAppOutbox({ queryClient, showToast });
      })
      .catch(() => {
        // Its code could not be downloaded: what waits is sent by the next page that runs.
      });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [restoring, queryClient, showToast]);
  return null;
}

const SessionContext = createContext<PublicSession | null>(null);

/** Around every page: the account line, the offline banner, and the page, whose failure going elsewhere clears. */
function Frame() {
  const session = use(SessionContext);
  const { pathname, search } = useLocation();
  // The page's first rows are the unfiltered Inbox view's: anywhere else, they go at once.
  const elsewhere = pathname !== ROUTES.inbox || search !== '';
  useLayoutEffect(() => {
    if (elsewhere) releaseFirstPaint();
  }, [elsewhere]);
  // Each move to another page asks whether the session still stands (team mode; not at the first page).
  const landed = useRef(true);
  useEffect(() => {
    if (landed.current) landed.current = false;
    else recheckSession();
  }, [pathname]);
  return (
    <>
      {session && <Account session={session} />}
      <OfflineBanner />
      <ReadOnlyNotice />
      <Suspense fallback={null}>
        <DesktopAlerts />
      </Suspense>
      <PaletteLauncher />
      <ErrorBoundary resetKey={pathname}>
        <Outlet />
      </ErrorBoundary>
    </>
  );
}

/** The organization in Productive that "Open in Productive" leads into: a real one only (not the demo's). */
const organizationOf = (session: PublicSession) =>
  session.mode !== 'demo' && session.organization ? { id: session.organization.id } : null;

/** The inbox for one scope (backend and person): its own query client and its own persisted data. */
function ScopedApp({ session, scope }: { session: PublicSession; scope: string }) {
  const [options] = useState(() => {
    // Before anything is read, restored or sent: this page's data is this scope's, and another backend's or
    // person's is removed, never replayed.
    discardOtherScopes(scope);
    setDeviceScope(scope);
    setRequestScope(scope);
    // The inbox's replica on this device (src/replica/): opened before the first loader reads it.
    void deleteOtherReplicas(scope);
    openReplica(scope);
    return persistOptions();
  });
  const [queryClient] = useState(createClient);
  useEffect(() => connectReplica(queryClient, openReplica(scope)), [queryClient, scope]);
  const organization = useMemo(() => organizationOf(session), [session]);
  // Made once, after the scope is set: its loaders start this page's first requests at once.
  const [router] = useState(() => createAppRouter(queryClient, Frame));
  // The server now serves someone else here (restarted in another mode, another sign-in in another tab): start
  // afresh, so this page shows and sends nothing as them.
  // The worker's copy of the page is the old session's too: dropped first, so the reload asks the server.
  useEffect(() => onSessionChanged(() => void dropPageCopy().then(() => location.reload())), []);
  return (
    <PersistQueryClientProvider client={queryClient} persistOptions={options}>
      <ToastProvider>
        <OutboxReplay />
        <BackgroundErrors />
        <SessionContext value={session}>
          <OrganizationContext value={organization}>
            <RouterProvider router={router} useTransitions={false} />
          </OrganizationContext>
        </SessionContext>
      </ToastProvider>
    </PersistQueryClientProvider>
  );
}

const centered = 'px-4 py-16 text-center text-slate-700 dark:text-slate-300';

export function App() {
  const state = useSession();
  const inbox = state.status === 'known' && state.session.signedIn && state.session.scope !== null;
  // No inbox to show (signed out, or the server unreachable): the page's first rows go.
  useLayoutEffect(() => {
    if (!inbox && state.status !== 'loading') releaseFirstPaint();
  }, [inbox, state.status]);
  if (state.status === 'loading') {
    return (
      <main aria-busy="true" className={centered}>
        Loading…
      </main>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <main className={centered}>
        <h1 className="text-lg font-semibold">The inbox server cannot be reached</h1>
        <button
          type="button"
          onClick={state.retry}
          className="mt-4 rounded-md border border-slate-400 px-3 py-1.5 text-sm"
        >
          Retry
        </button>
      </main>
    );
  }
  const { session } = state;
  if (!session.signedIn || !session.scope) {
    return (
      <ErrorBoundary resetKey="sign-in">
        <Suspense fallback={<main aria-busy="true" className={centered} />}>
          <SignInPage />
        </Suspense>
      </ErrorBoundary>
    );
  }
  return <ScopedApp key={session.scope} session={session} scope={session.scope} />;
}
