import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../api/activities.ts';
import { subjectFromActivities } from './feed-subject.ts';

const activity = (overrides: Partial<Activity>): Activity => ({
  id: '1',
  event: 'update',
  itemId: 1,
  itemType: 'comment',
  itemName: '',
  parentType: null,
  parentName: null,
  rootType: null,
  rootName: null,
  taskId: null,
  feed: null,
  createdAt: '2026-11-20T10:00:00.000+00:00',
  changeset: [],
  creator: null,
  comment: null,
  email: null,
  attachment: null,
  ...overrides,
});

describe('a feed subject from its activities', () => {
  it('names a deal from an activity on it, with its company', () => {
    const deal = activity({
      itemType: 'deal',
      itemName: 'Retainer – Acme',
      parentType: 'company',
      parentName: 'Acme',
    });
    expect(subjectFromActivities('deal', [deal])).toEqual({
      title: 'Retainer – Acme',
      parent: 'Acme',
    });
  });

  it('names a discussion from a comment under it, with the project above', () => {
    const comment = activity({
      itemType: 'comment',
      itemName: 'Question about specs',
      parentType: 'Discussion',
      parentName: 'Question about specs',
      rootType: 'project',
      rootName: '[Acme] Website',
    });
    expect(subjectFromActivities('discussion', [comment])).toEqual({
      title: 'Question about specs',
      parent: '[Acme] Website',
    });
  });

  it('names nothing when no activity is on or under the item', () => {
    expect(subjectFromActivities('deal', [])).toBeNull();
    expect(
      subjectFromActivities('deal', [activity({ itemType: 'task', itemName: 'x' })]),
    ).toBeNull();
  });
});
