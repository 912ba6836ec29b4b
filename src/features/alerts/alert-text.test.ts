import { describe, expect, it } from 'vitest';
import type { Notification } from '../../api/notifications.ts';
import { aNotification } from '../../testing/notification-factory.ts';
import { describeArrival, describeArrivals, plainTitle } from './alert-text.ts';

const arrival = (id: string, change: Partial<Notification> = {}): Notification =>
  aNotification({
    id,
    title: 'commented on <b>Fix the login</b> on <b>Website</b>',
    excerpt: 'Can you look at this today?',
    actor: { id: '7', name: 'Ana Horvat', avatarUrl: null },
    ...change,
  });

describe('what a desktop notification says', () => {
  it('names the actor, what happened and the item, in plain text', () => {
    expect(describeArrival(arrival('1', { mention: true }))).toEqual({
      title: 'Ana Horvat commented on Fix the login on Website',
      body: 'Mentions you — Can you look at this today?',
    });
  });

  it('keeps untrusted markup as text and drops control characters', () => {
    expect(plainTitle('<img src=x onerror=alert(1)> on <b>A&amp;B</b>')).toBe(
      '<img src=x onerror=alert(1)> on A&B',
    );
    const text = describeArrival(arrival('2', { excerpt: 'line\u0000one\n\ntwo', actor: null }));
    expect(text.title).toBe('commented on Fix the login on Website');
    expect(text.body).toBe('line one two');
  });

  it('cuts long texts', () => {
    const long = describeArrival(arrival('3', { excerpt: 'x'.repeat(1000) }));
    expect(long.body.length).toBeLessThanOrEqual(180);
    expect(long.body.endsWith('…')).toBe(true);
  });

  it('counts five or more together, and how many mention the person', () => {
    const many = ['1', '2', '3', '4', '5'].map((id) => arrival(id, { mention: id < '3' }));
    expect(describeArrivals(many).title).toBe('5 new notifications · 2 mention you');
    expect(describeArrivals(many.map((n) => ({ ...n, mention: false }))).title).toBe(
      '5 new notifications',
    );
    expect(describeArrivals(many.map((n, i) => ({ ...n, mention: i === 0 }))).title).toBe(
      '5 new notifications · 1 mentions you',
    );
  });
});
