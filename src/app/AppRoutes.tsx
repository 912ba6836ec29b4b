import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { InboxPage } from '../features/inbox/components/InboxPage.tsx';

// The activity feed is its own chunk: opening the inbox does not download it.
const TaskFeedPage = lazy(() =>
  import('../features/activity/components/TaskFeedPage.tsx').then((module) => ({
    default: module.TaskFeedPage,
  })),
);
const ActivityPage = lazy(() =>
  import('../features/activity/components/ActivityPage.tsx').then((module) => ({
    default: module.ActivityPage,
  })),
);

const pageLoading = (
  <main aria-busy="true" className="px-4 py-16 text-center text-slate-600 dark:text-slate-400">
    Loading…
  </main>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<InboxPage key="inbox" view="inbox" />} />
      <Route path="/important" element={<InboxPage key="important" view="important" />} />
      <Route path="/mentions" element={<InboxPage key="mentions" view="mentions" />} />
      <Route path="/dismissed" element={<InboxPage key="dismissed" view="dismissed" />} />
      <Route
        path="/tasks/:taskId"
        element={
          <Suspense fallback={pageLoading}>
            <TaskFeedPage />
          </Suspense>
        }
      />
      <Route
        path="/activities/:activityId"
        element={
          <Suspense fallback={pageLoading}>
            <ActivityPage />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
