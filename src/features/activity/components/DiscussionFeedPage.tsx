import { FeedPage } from './FeedPage.tsx';

/** `/discussions/:discussionId`: the discussion's activity feed. */
export function DiscussionFeedPage() {
  return <FeedPage kind="discussion" />;
}
