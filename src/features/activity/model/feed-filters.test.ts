import { describe, expect, it } from 'vitest';
import { feedSearchParams, parseFeedFilters, toActivityQuery } from './feed-filters.ts';

describe('feed filters in the URL', () => {
  it('round-trips kind, event, person and order, keeping the notification context', () => {
    const search = new URLSearchParams(
      'notification=5&unread=40&todo=9&kind=comments,emails&event=update&person=7&order=oldest',
    );
    const { filters, ignored } = parseFeedFilters(search);
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      kinds: ['comments', 'emails'],
      events: ['update'],
      personIds: [7],
      oldestFirst: true,
    });
    expect(feedSearchParams(filters, search).toString()).toBe(search.toString());
    expect(toActivityQuery({ kind: 'task', id: 12 }, filters)).toEqual({
      target: { kind: 'task', id: 12 },
      kinds: [1, 3],
      events: ['update'],
      creatorIds: [7],
      oldestFirst: true,
    });
  });

  it('ignores and names invalid values', () => {
    const { filters, ignored } = parseFeedFilters(
      new URLSearchParams(
        'kind=gossip,changes&event=explode&person=x&order=sideways&unread=abc&todo=0&foo=1',
      ),
    );
    expect(filters).toEqual({ kinds: ['changes'], events: [], personIds: [], oldestFirst: false });
    expect(ignored).toEqual([
      'kind=gossip',
      'event=explode',
      'person=x',
      'order=sideways',
      'unread=abc',
      'todo=0',
      'foo=1',
    ]);
    expect(toActivityQuery({ kind: 'deal', id: 3 }, filters)).toEqual({
      target: { kind: 'deal', id: 3 },
      kinds: [2],
    });
  });
});
