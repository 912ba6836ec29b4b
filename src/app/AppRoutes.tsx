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
import { SnoozedPage } from '../features/inbox/index.ts';
import { ROUTES } from '../lib/addresses.ts';
import { Route, Routes } from '../lib/router.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route path={ROUTES.inbox} element={<InboxPage key="inbox" view="inbox" />} />
      <Route path={ROUTES.important} element={<InboxPage key="important" view="important" />} />
      <Route path={ROUTES.mentions} element={<InboxPage key="mentions" view="mentions" />} />
      <Route path={ROUTES.dismissed} element={<InboxPage key="dismissed" view="dismissed" />} />
      <Route path={ROUTES.snoozed} element={<SnoozedPage />} />
      <Route path={ROUTES.task} element={<TaskFeedPage />} />
      <Route path={ROUTES.deal} element={<DealFeedPage />} />
      <Route path={ROUTES.discussion} element={<DiscussionFeedPage />} />
      <Route path={ROUTES.activity} element={<ActivityPage />} />
      <Route path={ROUTES.notification} element={<NotificationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
