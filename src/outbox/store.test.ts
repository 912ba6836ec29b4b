// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  adoptOrphans,
  complete,
  enqueue,
  entriesOf,
  loadEntries,
  outboxKey,
  rewrite,
  subscribe,
  thisTab,
  update,
  type OutboxChange,
} from './store.ts';
import type { OutboxEntry } from './entry.ts';

const stored = () => JSON.parse(localStorage.getItem(outboxKey()) ?? '[]') as unknown[];
const entry = (key: string, change: Partial<OutboxEntry> = {}): OutboxEntry => ({
  kind: 'note',
  key,
  owner: 'gone-tab',
  createdAt: 1,
  payload: { text: key },
  failure: null,
  ...change,
});
const write = (entries: unknown[]) => localStorage.setItem(outboxKey(), JSON.stringify(entries));

describe('the outbox store', () => {
  beforeEach(() => localStorage.clear());

  it('has an entry in local storage the moment it is enqueued, and none once it is complete', () => {
    const queued = enqueue('note', { text: 'hi' });
    expect(stored()).toEqual([
      {
        kind: 'note',
        key: queued.key,
        owner: thisTab,
        createdAt: queued.createdAt,
        payload: { text: 'hi' },
        failure: null,
      },
    ]);
    complete(queued.key);
    expect(localStorage.getItem(outboxKey())).toBeNull();
  });

  it('keeps entries oldest first, and changes one entry or several without touching the others', () => {
    const a = enqueue('note', { n: 1 });
    const b = enqueue('other', { n: 2 });
    expect(update(a.key, { failure: 'Refused' })).toMatchObject({ key: a.key, failure: 'Refused' });
    expect(update('missing', { failure: 'x' })).toBeNull();
    rewrite((item) => (item.kind === 'other' ? { ...item, payload: { n: 3 } } : item));
    expect(loadEntries().map(({ key, payload, failure }) => ({ key, payload, failure }))).toEqual([
      { key: a.key, payload: { n: 1 }, failure: 'Refused' },
      { key: b.key, payload: { n: 3 }, failure: null },
    ]);
    rewrite((item) => (item.key === a.key ? null : item));
    expect(loadEntries().map((item) => item.key)).toEqual([b.key]);
  });

  it('reads one kind through its reader, keeping what the reader refuses', () => {
    write([entry('a'), entry('b', { payload: { text: 5 } }), entry('c', { kind: 'else' })]);
    const read = (payload: unknown) =>
      typeof (payload as { text?: unknown }).text === 'string'
        ? (payload as { text: string })
        : null;
    expect(entriesOf('note', read).map((item) => item.key)).toEqual(['a']);
    expect(loadEntries().map((item) => item.key)).toEqual(['a', 'b', 'c']);
  });

  it('ignores what is not an entry, and storage that is not JSON', () => {
    write([
      entry('a'),
      { key: 'x' },
      'junk',
      null,
      entry('b', { payload: 'text' as unknown as object }),
    ]);
    expect(loadEntries().map((item) => item.key)).toEqual(['a']);
    localStorage.setItem(outboxKey(), '{not json');
    expect(loadEntries()).toEqual([]);
  });

  it('reads the entries written before the outbox existed as the kinds that replaced them', () => {
    write([
      { key: 'a', ids: ['7'], action: 'dismiss', owner: 'o', createdAt: 1 },
      {
        kind: 'comment',
        key: 'b',
        owner: 'o',
        createdAt: 2,
        text: 'Hi',
        mentions: [],
        failure: 'No',
        target: { kind: 'task', id: 3 },
      },
      { kind: 'other', key: 'c', owner: 'o', createdAt: 3 },
    ]);
    expect(loadEntries()).toEqual([
      {
        kind: 'inbox-action',
        key: 'a',
        owner: 'o',
        createdAt: 1,
        failure: null,
        payload: { ids: ['7'], action: 'dismiss' },
      },
      {
        kind: 'reply',
        key: 'b',
        owner: 'o',
        createdAt: 2,
        failure: 'No',
        payload: { text: 'Hi', mentions: [], target: { kind: 'task', id: 3 } },
      },
    ]);
  });

  it('adopts the wanted entries of tabs that are gone (all others, without Web Locks), never a refused one, never twice', async () => {
    write([
      entry('a', { createdAt: 3 }),
      entry('b', { owner: thisTab, createdAt: 2 }),
      entry('c', { failure: 'Refused' }),
      entry('d', { kind: 'else' }),
      entry('e', { createdAt: 1 }),
    ]);
    const adopted = await adoptOrphans((item) => item.kind === 'note');
    expect(adopted.map((item) => item.key)).toEqual(['e', 'a']);
    expect(loadEntries().map((item) => [item.key, item.owner === thisTab])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', false],
      ['e', true],
    ]);
    expect(await adoptOrphans()).toEqual([expect.objectContaining({ key: 'd', owner: thisTab })]);
    expect(await adoptOrphans()).toEqual([]);
  });

  it('tells its listeners of this page’s changes and of other tabs’, with the entries that left', () => {
    const heard: OutboxChange[] = [];
    const unsubscribe = subscribe((change) => heard.push(change));
    const a = enqueue('note', {});
    complete(a.key);
    // Another tab answered one of its entries: a storage event on this scope's key.
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: outboxKey(),
        oldValue: JSON.stringify([entry('x'), entry('y')]),
        newValue: JSON.stringify([entry('y')]),
      }),
    );
    window.dispatchEvent(new StorageEvent('storage', { key: 'inbox.cache:demo', newValue: '{}' }));
    unsubscribe();
    enqueue('note', {});
    expect(heard).toEqual([
      { elsewhere: false, removed: [] },
      { elsewhere: false, removed: [a.key] },
      { elsewhere: true, removed: ['x'] },
    ]);
  });
});
