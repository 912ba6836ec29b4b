import type { QueryKey } from '@tanstack/react-query';
import type { ActivityQuery, FeedTarget } from '../../../api/activities.ts';

/**
 * The activity query keys' shape, owned here: activity-queries.ts builds its options on these, and everyone else
 * reads keys through them, never by position. Apart from the options so that a reader (a reply being sent) does
 * not pull the feed's parser into its chunk.
 */
export const activityKeys = {
  all: () => ['activities'] as const,
  lists: () => ['activities', 'list'] as const,
  /** Is this key a feed of this item's (whatever its filters)? */
  isFeedOf: (key: QueryKey, target: FeedTarget): boolean => {
    const [root, kind, query] = key as readonly [
      unknown,
      unknown,
      Partial<ActivityQuery> | undefined,
    ];
    return (
      root === 'activities' &&
      kind === 'list' &&
      query?.target?.kind === target.kind &&
      query.target.id === target.id
    );
  },
};
