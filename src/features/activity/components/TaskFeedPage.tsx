import { FeedPage } from './FeedPage.tsx';

/** `/tasks/:taskId`: the task's activity feed (the feed itself is shared with deals and discussions). */
export function TaskFeedPage() {
  return <FeedPage kind="task" />;
}
