import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationQuery } from '../api/notifications.ts';
import { countsOf, unreadIn, viewOf } from './queries.ts';
import { deleteAllReplicas, openReplica, Replica } from './store.ts';
import {
  BACK_OFF_FACTOR,
  DEFAULT_INTERVALS,
  firstSync,
  pollNew,
  reconcile,
  refreshHead,
  SYNC_PAGE_SIZE,
  syncIntervals,
  syncStep,
  type FetchPage,
} from './sync.ts';
import {
  highlightRanges,
  inQuery,
  normalizeForSearch,
  projectIndex,
  searchableText,
  searchTerms,
} from './view.ts';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

function aNotification(id: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id: String(id),
    title: `commented on task <b>#${id}</b>`,
    targetId: id,
    targetType: 'task',
    targetTitle: `#${id}: Fix the login`,
    targetLabel: 'task',
    parentId: 1,
    parentType: 'project',
    parentTitle: '[Acme] Website',
    read: false,
    dismissed: false,
    important: false,
    mention: false,
    newActivitiesCount: 1,
    excerpt: '',
    lastActionAt: at(id * 60_000),
    firstUnreadActivityId: null,
    actor: { id: '2', name: 'Marko Horvat', avatarUrl: null },
    ...overrides,
  };
}

/** A server of notifications, answering pages as the API does (newest first, filters, 200 a page at most). */
function fakeServer(notifications: Notification[]) {
  const asked: { query: NotificationQuery; page: number }[] = [];
  const fetchPage: FetchPage = async (query, page) => {
    asked.push({ query, page });
    const matching = notifications
      .filter((item) => inQuery(item, query, () => null))
      .sort((a, b) => (b.lastActionAt ?? '').localeCompare(a.lastActionAt ?? ''));
    const slice = matching.slice((page - 1) * SYNC_PAGE_SIZE, page * SYNC_PAGE_SIZE);
    return {
      notifications: slice.map((item) => ({ ...item })),
      totalCount: matching.length,
      hasNextPage: page * SYNC_PAGE_SIZE < matching.length,
    };
  };
  return { asked, fetchPage };
}

let scopes = 0;
const freshReplica = async () => {
  const replica = openReplica(`test-${++scopes}`);
  await replica.loaded;
  return replica;
};
const signal = new AbortController().signal;
const clock = () => NOW;

afterEach(() => deleteAllReplicas());

describe('search normalisation and highlighting', () => {
  it('ignores accents, case and runs of space', () => {
    expect(normalizeForSearch('Éva  NÚÑEZ')).toBe('eva nunez');
    expect(searchTerms('  Núñez   Web ')).toEqual(['nunez', 'web']);
  });

  it('looks through title words (not its markup), target, project, actor and excerpt', () => {
    const notification = aNotification(7, { excerpt: 'Déjà vu', actor: null });
    const text = searchableText(notification, { id: 1, name: 'Zürich office' });
    for (const word of ['commented', 'fix the login', 'acme', 'zurich', 'deja vu'])
      expect(text).toContain(word);
    expect(text).not.toContain('<b>');
  });

  it('highlights in the text as shown, across accents', () => {
    expect(highlightRanges('Fix Zürich login', ['zurich'])).toEqual([[4, 10]]);
    expect(highlightRanges('aaa', ['aa', 'a'])).toEqual([[0, 3]]);
    expect(highlightRanges('nothing', [])).toEqual([]);
    // Plain text (the fast path) and the same words with an accent elsewhere give the same places.
    expect(highlightRanges('Fix the LOGIN, log in\tagain', ['log'])).toEqual([
      [8, 11],
      [15, 18],
    ]);
    expect(highlightRanges('Fixé the LOGIN, log in\tagain', ['log'])).toEqual([
      [9, 12],
      [16, 19],
    ]);
  });
});

describe('a view of the replica', () => {
  it('knows a todo’s project from its task’s notification', () => {
    const task = aNotification(1, { targetId: 50, parentId: 9, parentTitle: 'Apollo' });
    const todo = aNotification(2, { targetType: 'todo', parentType: 'task', parentId: 50 });
    const orphan = aNotification(3, { targetType: 'todo', parentType: 'task', parentId: 51 });
    const projectOf = projectIndex([task, todo, orphan]);
    expect(projectOf(todo)).toEqual({ id: 9, name: 'Apollo' });
    expect(projectOf(orphan)).toBeNull();
    expect(inQuery(todo, { projectIds: [9] }, projectOf)).toBe(true);
    expect(inQuery(orphan, { projectIds: [9] }, projectOf)).toBe(false);
  });

  it('lists a query exactly, newest first, and counts the unread of each view', async () => {
    const replica = await freshReplica();
    await replica.put([
      aNotification(1, { important: true }),
      aNotification(2, { mention: true, read: true }),
      aNotification(3, { mention: true }),
      aNotification(4, { dismissed: true }),
    ]);
    expect(viewOf(replica, { dismissed: false }).notifications.map((n) => n.id)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(viewOf(replica, { dismissed: false, mention: true }).totalCount).toBe(2);
    expect(countsOf(replica)).toMatchObject({ inbox: null, syncing: { loaded: 0 } });
    await replica.setMeta({ complete: true });
    expect(countsOf(replica)).toEqual({ inbox: 2, important: 1, mentions: 1, syncing: null });
  });
});

describe('answers to actions', () => {
  it('keep what the answer leaves out: a row read here keeps its sender', async () => {
    const replica = await freshReplica();
    const known = aNotification(1);
    expect(known.actor).not.toBeNull();
    await replica.put([known]);
    await replica.put([{ ...known, read: true, actor: null }]);
    expect(replica.get('1')).toMatchObject({ read: true, actor: known.actor });
  });
});

describe("a saved view's unread count", () => {
  it('is exact from the replica, search included, and unknown until the first sync is done', async () => {
    const replica = await freshReplica();
    await replica.put([
      aNotification(1, { important: true, title: 'Budget review' }),
      aNotification(2, { important: true, read: true, title: 'Budget plan' }),
      aNotification(3, { important: true, title: 'Launch' }),
      aNotification(4, { title: 'Budget' }),
    ]);
    expect(await unreadIn({ dismissed: false, important: true }, '')).toBeNull();
    await replica.setMeta({ complete: true });
    expect(await unreadIn({ dismissed: false, important: true }, '')).toBe(2);
    expect(await unreadIn({ dismissed: false, important: true }, 'budget')).toBe(1);
    expect(await unreadIn({ dismissed: false }, 'BUDGET')).toBe(2);
  });
});

describe('the store', () => {
  it('keeps what it holds on the device: a new page of the same scope reads it back', async () => {
    const replica = await freshReplica();
    await replica.put([aNotification(1), aNotification(2)]);
    await replica.setMeta({ complete: true, loaded: 2, total: 2 });
    const again = new Replica(replica.scope);
    await again.loaded;
    expect(again.all().map((n) => n.id)).toEqual(['1', '2']);
    expect(again.meta).toMatchObject({ complete: true, total: 2 });
    again.close();
  });

  it('applies an action at once, returning the notifications as they were', async () => {
    const replica = await freshReplica();
    await replica.put([aNotification(1)]);
    const before = replica.apply(['1', '404'], (n) => ({ ...n, read: true }));
    expect(before.map((n) => n.read)).toEqual([false]);
    expect(replica.get('1')?.read).toBe(true);
  });

  it('a reconciliation leaves alone what an action here changed meanwhile', async () => {
    const replica = await freshReplica();
    await replica.put([aNotification(1), aNotification(2)]);
    replica.apply(['1'], (n) => ({ ...n, dismissed: true }));
    await replica.replaceAll([aNotification(1), aNotification(3)], replica.editedSince(0));
    expect(replica.get('1')?.dismissed).toBe(true);
    expect(replica.get('2')).toBeUndefined();
    expect(replica.get('3')).toBeDefined();
  });

  it('is removed from the device with the rest of its data', async () => {
    const replica = await freshReplica();
    await replica.put([aNotification(1)]);
    await deleteAllReplicas();
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).not.toContain(`inbox.replica:${replica.scope}`);
    await replica.put([aNotification(2)]);
    expect(replica.get('2')).toBeUndefined();
  });
});

describe('the sync', () => {
  const world = () => [
    ...Array.from({ length: 450 }, (_, index) => aNotification(index + 1)),
    aNotification(1001, { dismissed: true, lastActionAt: at(2 * DAY) }),
    aNotification(1002, { dismissed: true, lastActionAt: at(40 * DAY) }),
  ];

  it('first pages the Inbox at 200, saying how far it is, then the dismissed ones of 30 days', async () => {
    const replica = await freshReplica();
    const server = fakeServer(world());
    const progress: (number | null)[] = [];
    replica.subscribe(() => progress.push(replica.meta.loaded));
    await firstSync(replica, server.fetchPage, signal, clock);
    expect(server.asked.filter((ask) => ask.query.dismissed === false)).toHaveLength(3);
    expect(progress).toEqual(expect.arrayContaining([200, 400, 450]));
    expect(replica.size).toBe(451);
    expect(replica.get('1001')).toBeDefined();
    expect(replica.get('1002')).toBeUndefined();
    expect(replica.meta).toMatchObject({ complete: true, total: 450 });
  });

  it('resumes a first sync where it stopped', async () => {
    const replica = await freshReplica();
    const server = fakeServer(world());
    await replica.setMeta({ loaded: 400, total: 450 });
    await firstSync(replica, server.fetchPage, signal, clock);
    expect(server.asked[0]).toEqual({ query: { dismissed: false }, page: 3 });
  });

  it('asks for what is new after the newest held, which brings back one undismissed by new activity', async () => {
    const notifications = world();
    const replica = await freshReplica();
    const server = fakeServer(notifications);
    await firstSync(replica, server.fetchPage, signal, clock);
    const back = notifications.find((n) => n.id === '1001') as Notification;
    Object.assign(back, { dismissed: false, lastActionAt: at(-1000) });
    server.asked.length = 0;
    await pollNew(replica, server.fetchPage, signal, clock);
    expect(server.asked[0]?.query).toEqual({ dismissed: false, after: at(60_000) });
    expect(replica.get('1001')?.dismissed).toBe(false);
    expect(replica.all()[0]?.id).toBe('1001');
  });

  it('reconciles reads and dismisses made elsewhere', async () => {
    const notifications = world();
    const replica = await freshReplica();
    const server = fakeServer(notifications);
    await firstSync(replica, server.fetchPage, signal, clock);
    Object.assign(notifications[0] as Notification, { read: true });
    Object.assign(notifications[1] as Notification, { dismissed: true });
    await reconcile(replica, server.fetchPage, signal, clock);
    expect(replica.get('1')?.read).toBe(true);
    expect(replica.get('2')?.dismissed).toBe(true);
    expect(countsOf(replica).inbox).toBe(448);
  });

  it('keeps the held object of every notification a reconciliation finds unchanged, so lists compare equal at once', async () => {
    const notifications = world();
    const replica = await freshReplica();
    const server = fakeServer(notifications);
    await firstSync(replica, server.fetchPage, signal, clock);
    // A project learned here (the API's records never carry it) is no change either.
    await replica.put([{ ...(replica.get('3') as Notification), projectId: 77 }]);
    const before = new Map(replica.all().map((notification) => [notification.id, notification]));
    Object.assign(notifications[0] as Notification, { read: true });
    await reconcile(replica, server.fetchPage, signal, clock);
    expect(replica.get('1')).not.toBe(before.get('1'));
    expect(replica.get('1')?.read).toBe(true);
    expect(replica.get('3')).toBe(before.get('3'));
    expect(replica.get('3')?.projectId).toBe(77);
    const unchanged = replica.all().filter((notification) => notification.id !== '1');
    expect(unchanged.every((notification) => before.get(notification.id) === notification)).toBe(
      true,
    );
    expect(unchanged.length).toBeGreaterThan(400);
  });

  it('compares a large inbox a slice at a time: an action taken in a pause stands, the unchanged stay as held', async () => {
    const many = Array.from({ length: 2_500 }, (_, index) => aNotification(index + 1));
    const replica = await freshReplica();
    const server = fakeServer(many);
    await firstSync(replica, server.fetchPage, signal, clock);
    const before = new Map(replica.all().map((notification) => [notification.id, notification]));
    // The last page is in: the comparison starts, and this runs in its first pause between slices.
    const fetchPage: FetchPage = async (query, page, pageSignal) => {
      if (query.dismissed === true)
        setTimeout(() => replica.apply(['5', '2400'], (each) => ({ ...each, read: true })), 0);
      return server.fetchPage(query, page, pageSignal);
    };
    await reconcile(replica, fetchPage, signal, clock);
    expect(replica.get('5')?.read).toBe(true);
    expect(replica.get('2400')?.read).toBe(true);
    const others = replica.all().filter((each) => each.id !== '5' && each.id !== '2400');
    expect(others).toHaveLength(2_498);
    expect(others.every((each) => before.get(each.id) === each)).toBe(true);
  });

  it('a change made or heard while the disk is still read wins over what the disk held', async () => {
    const replica = await freshReplica();
    await replica.put([aNotification(1), aNotification(2)]);
    const opening = new Replica(replica.scope);
    // Before its read of the disk is in, #1 is read (here, or told by another tab: the same path).
    await opening.put([aNotification(1, { read: true })]);
    await opening.loaded;
    expect(opening.get('1')?.read).toBe(true);
    expect(opening.get('2')?.read).toBe(false);
    opening.close();
  });

  it('writes and tells only what a reconciliation changed; another tab and the next visit hold the same', async () => {
    const notifications = world();
    const replica = await freshReplica();
    const server = fakeServer(notifications);
    await firstSync(replica, server.fetchPage, signal, clock);
    const otherTab = new Replica(replica.scope);
    await otherTab.loaded;
    expect(otherTab.size).toBe(replica.size);
    Object.assign(notifications[0] as Notification, { read: true });
    Object.assign(notifications[1] as Notification, { dismissed: true });
    notifications.splice(2, 1); // #3 is gone from the server altogether.
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    const heard = new Promise<void>((resolve) => otherTab.subscribe(() => resolve()));
    await reconcile(replica, server.fetchPage, signal, clock);
    // #1 and #2 written again (and the sync's own state), not the 450 others.
    expect(
      puts.mock.calls.filter(([value]) => (value as Notification).id !== undefined),
    ).toHaveLength(2);
    puts.mockRestore();
    await heard;
    const nextVisit = new Replica(replica.scope);
    await nextVisit.loaded;
    for (const held of [otherTab, nextVisit]) {
      expect(held.get('1')?.read).toBe(true);
      expect(held.get('2')?.dismissed).toBe(true);
      expect(held.get('3')).toBeUndefined();
      expect(held.size).toBe(replica.size);
      expect(countsOf(held)).toEqual(countsOf(replica));
    }
    otherTab.close();
    nextVisit.close();

    // A reconciliation that finds nothing changed tells no view, here or in another tab, to be worked out again.
    const told: unknown[] = [];
    replica.subscribe((change) => told.push(change.ids));
    await reconcile(replica, server.fetchPage, signal, clock);
    expect(told.filter((ids) => ids === null || (ids as string[]).length > 0)).toEqual([]);
  });

  it('does what is due: nothing within the intervals, a poll after one, a reconciliation after the other', async () => {
    const replica = await freshReplica();
    const server = fakeServer(world());
    let now = NOW;
    const time = () => now;
    await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time);
    server.asked.length = 0;
    expect(await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time)).toBe(false);
    now += DEFAULT_INTERVALS.pollMs;
    await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time);
    expect(server.asked.map((ask) => ask.query.after !== undefined)).toEqual([true]);
    server.asked.length = 0;
    now += DEFAULT_INTERVALS.reconcileMs;
    await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time);
    expect(server.asked.filter((ask) => ask.query.dismissed === false)).toHaveLength(3);
  });

  it('reads the newest page again at once when a page has just loaded, however recently it was asked', async () => {
    const replica = await freshReplica();
    const server = fakeServer(world());
    const time = () => NOW;
    await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time);
    server.asked.length = 0;
    expect(await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time)).toBe(false);
    const noBackOff = () => false;
    expect(
      await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time, noBackOff, true),
    ).toBe(true);
    expect(server.asked).toEqual([{ query: { dismissed: false }, page: 1 }]);
  });

  it('a page that loads shows the reads and dismisses made elsewhere in the newest page, and what is new', async () => {
    const notifications = world();
    const replica = await freshReplica();
    const server = fakeServer(notifications);
    await firstSync(replica, server.fetchPage, signal, clock);
    // Elsewhere: the newest read, the second and the 150th dismissed, the 300th (past the first page) dismissed.
    Object.assign(notifications[0] as Notification, { read: true });
    for (const index of [1, 149, 299])
      Object.assign(notifications[index] as Notification, { dismissed: true });
    const arrived = aNotification(5000, { lastActionAt: at(-60_000) });
    notifications.push(arrived);
    // Dismissed here a moment ago, its answer not in yet: it stays dismissed here whatever the page says.
    replica.apply(['5'], (notification) => ({ ...notification, dismissed: true }));
    server.asked.length = 0;
    await refreshHead(replica, server.fetchPage, signal, clock);
    expect(server.asked).toEqual([{ query: { dismissed: false }, page: 1 }]);
    expect(replica.get('1')?.read).toBe(true);
    expect(replica.get('2')?.dismissed).toBe(true);
    expect(replica.get('150')?.dismissed).toBe(true);
    expect(replica.get('5')?.dismissed).toBe(true);
    expect(replica.all()[0]?.id).toBe('5000');
    // Past the page's span: the reconciliation's, not this.
    expect(replica.get('300')?.dismissed).toBe(false);
  });

  it('a page that loads leaves alone what waits in the outbox (another tab’s action), and trusts no page out of order', async () => {
    const notifications = world();
    const replica = await freshReplica();
    const server = fakeServer(notifications);
    await firstSync(replica, server.fetchPage, signal, clock);
    // Another tab dismissed #3: waiting in the outbox, its answer not in; its replica shows it dismissed.
    await replica.put([{ ...(replica.get('3') as Notification), dismissed: true }]);
    await refreshHead(replica, server.fetchPage, signal, clock, () => new Set(['3']));
    expect(replica.get('3')?.dismissed).toBe(true);

    // A page whose times go up (another sort than newest first), or with a record that could not be read: what
    // it leaves out says nothing.
    Object.assign(notifications[3] as Notification, { dismissed: true });
    const unordered: FetchPage = async (query, page, pageSignal) => {
      const answer = await server.fetchPage(query, page, pageSignal);
      return { ...answer, notifications: [...answer.notifications].reverse() };
    };
    await refreshHead(replica, unordered, signal, clock);
    expect(replica.get('4')?.dismissed).toBe(false);
    const skipping: FetchPage = async (query, page, pageSignal) => ({
      ...(await server.fetchPage(query, page, pageSignal)),
      skipped: 1,
    });
    await refreshHead(replica, skipping, signal, clock);
    expect(replica.get('4')?.dismissed).toBe(false);
    await refreshHead(replica, server.fetchPage, signal, clock);
    expect(replica.get('4')?.dismissed).toBe(true);
  });

  it('a page that loads after more arrived than a page holds asks for the rest of what is new', async () => {
    const notifications = world();
    const replica = await freshReplica();
    const server = fakeServer(notifications);
    await firstSync(replica, server.fetchPage, signal, clock);
    for (let index = 0; index < SYNC_PAGE_SIZE + 20; index++)
      notifications.push(aNotification(10_000 + index, { lastActionAt: at(-1000 * (index + 1)) }));
    server.asked.length = 0;
    await refreshHead(replica, server.fetchPage, signal, clock);
    expect(server.asked[0]).toEqual({ query: { dismissed: false }, page: 1 });
    expect(server.asked[1]?.query.after).toBeDefined();
    for (let index = 0; index < SYNC_PAGE_SIZE + 20; index++)
      expect(replica.get(String(10_000 + index))).toBeDefined();
  });

  it('backs off to a quarter while a bulk action has the rate budget', async () => {
    const replica = await freshReplica();
    const server = fakeServer(world());
    let now = NOW;
    const time = () => now;
    let bulkRunning = true;
    const backOff = () => bulkRunning;
    await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time, backOff);
    server.asked.length = 0;
    now += DEFAULT_INTERVALS.pollMs;
    expect(
      await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time, backOff),
    ).toBe(false);
    now += (BACK_OFF_FACTOR - 1) * DEFAULT_INTERVALS.pollMs;
    expect(
      await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time, backOff),
    ).toBe(true);
    bulkRunning = false;
    now += DEFAULT_INTERVALS.pollMs;
    expect(
      await syncStep(replica, server.fetchPage, signal, DEFAULT_INTERVALS, time, backOff),
    ).toBe(true);
  });

  it('takes shortened intervals from a setting, and ignores nonsense there', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(syncIntervals(storage('{"pollMs":500,"reconcileMs":2000}'))).toEqual({
      pollMs: 500,
      reconcileMs: 2000,
    });
    expect(syncIntervals(storage('{"pollMs":1,"reconcileMs":"x"}'))).toEqual(DEFAULT_INTERVALS);
    expect(syncIntervals(storage('{not json'))).toEqual(DEFAULT_INTERVALS);
    expect(syncIntervals(null)).toEqual(DEFAULT_INTERVALS);
  });
});
