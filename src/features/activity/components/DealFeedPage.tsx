import { FeedPage } from './FeedPage.tsx';

/** `/deals/:dealId`: the deal's activity feed. */
export function DealFeedPage() {
  return <FeedPage kind="deal" />;
}
