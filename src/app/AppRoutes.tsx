import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { InboxPage } from '../features/inbox/components/InboxPage.tsx';
import { lazyPage } from './lazy-page.tsx';

// The activity feed is its own chunk: opening the inbox does not download it.
const TaskFeedPage = lazyPage(() =>
  import('../features/activity/components/TaskFeedPage.tsx').then((module) => module.TaskFeedPage),
);
const ActivityPage = lazyPage(() =>
  import('../features/activity/components/ActivityPage.tsx').then((module) => module.ActivityPage),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<InboxPage key="inbox" view="inbox" />} />
      <Route path="/important" element={<InboxPage key="important" view="important" />} />
      <Route path="/mentions" element={<InboxPage key="mentions" view="mentions" />} />
      <Route path="/dismissed" element={<InboxPage key="dismissed" view="dismissed" />} />
      <Route path="/tasks/:taskId" element={<TaskFeedPage />} />
      <Route path="/activities/:activityId" element={<ActivityPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
