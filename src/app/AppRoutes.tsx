import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from '../lib/router.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
// Every page but the inbox is its own chunk: opening the inbox does not download them.
import {
  ActivityPage,
  DealFeedPage,
  DiscussionFeedPage,
  NotificationPage,
  TaskFeedPage,
} from '../features/activity/index.ts';
import { InboxPage } from '../features/inbox/components/InboxPage.tsx';
import { ROUTES } from '../lib/addresses.ts';

const pageLoading = (
  <main aria-busy="true" className="px-4 py-16 text-center text-slate-600 dark:text-slate-400">
    Loading…
  </main>
);
const onDemand = (page: ReactNode) => <Suspense fallback={pageLoading}>{page}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path={ROUTES.inbox} element={<InboxPage key="inbox" view="inbox" />} />
      <Route path={ROUTES.important} element={<InboxPage key="important" view="important" />} />
      <Route path={ROUTES.mentions} element={<InboxPage key="mentions" view="mentions" />} />
      <Route path={ROUTES.dismissed} element={<InboxPage key="dismissed" view="dismissed" />} />
      <Route path={ROUTES.task} element={onDemand(<TaskFeedPage />)} />
      <Route path={ROUTES.deal} element={onDemand(<DealFeedPage />)} />
      <Route path={ROUTES.discussion} element={onDemand(<DiscussionFeedPage />)} />
      <Route path={ROUTES.activity} element={onDemand(<ActivityPage />)} />
      <Route path={ROUTES.notification} element={onDemand(<NotificationPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
