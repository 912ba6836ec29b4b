// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  adoptOrphans,
  cancelQueuedReads,
  clearQueue,
  completeQueued,
  enqueue,
  loadQueue,
  queueStorageKey,
  saveQueue,
  thisTab,
} from './action-queue.ts';

describe('the durable action queue', () => {
  beforeEach(() => localStorage.clear());

  it('is in local storage the moment an action is queued, and leaves it once answered', () => {
    const key = enqueue(['1', '2'], 'dismiss');
    const stored = JSON.parse(localStorage.getItem(queueStorageKey()) ?? '[]') as unknown[];
    expect(stored).toEqual([
      expect.objectContaining({ key, ids: ['1', '2'], action: 'dismiss', owner: thisTab }),
    ]);
    completeQueued(key);
    expect(localStorage.getItem(queueStorageKey())).toBeNull();
  });

  it('drops reads cancelled by undo, and only those', () => {
    enqueue(['1', '2'], 'read');
    enqueue(['1'], 'dismiss');
    cancelQueuedReads(['1']);
    expect(loadQueue().map(({ ids, action }) => ({ ids, action }))).toEqual([
      { ids: ['2'], action: 'read' },
      { ids: ['1'], action: 'dismiss' },
    ]);
    cancelQueuedReads(['2']);
    expect(loadQueue().map(({ action }) => action)).toEqual(['dismiss']);
  });

  it('adopts the entries of tabs that are gone (all others, without Web Locks), never its own twice', async () => {
    saveQueue([
      { key: 'a', ids: ['7'], action: 'read', owner: 'gone-tab', createdAt: 1 },
      { key: 'b', ids: ['8'], action: 'dismiss', owner: thisTab, createdAt: 2 },
    ]);
    const adopted = await adoptOrphans();
    expect(adopted.map((entry) => entry.key)).toEqual(['a']);
    expect(loadQueue().every((entry) => entry.owner === thisTab)).toBe(true);
    expect(await adoptOrphans()).toEqual([]);
  });

  it('keeps snooze, unsnooze and wake entries, a snooze with its wake time, across a reload', () => {
    enqueue(['1', '2', '3'], 'snooze', '2026-11-26T09:00:00+01:00');
    enqueue(['1'], 'unsnooze');
    enqueue(['4'], 'wake');
    // What the next page reads back from storage.
    const stored = JSON.parse(localStorage.getItem(queueStorageKey()) ?? '[]') as unknown[];
    localStorage.setItem(queueStorageKey(), JSON.stringify(stored));
    expect(loadQueue().map(({ ids, action, wakeAt }) => ({ ids, action, wakeAt }))).toEqual([
      { ids: ['1', '2', '3'], action: 'snooze', wakeAt: '2026-11-26T09:00:00+01:00' },
      { ids: ['1'], action: 'unsnooze', wakeAt: undefined },
      { ids: ['4'], action: 'wake', wakeAt: undefined },
    ]);
  });

  it('drops a snooze without a readable wake time, and kinds it does not know', () => {
    const base = { ids: ['1'], owner: thisTab, createdAt: 1 };
    saveQueue([
      { ...base, key: 'a', action: 'snooze' },
      { ...base, key: 'b', action: 'snooze', wakeAt: 'tomorrow' },
      { ...base, key: 'c', action: 'dismiss', wakeAt: '2026-11-26T09:00:00+01:00' },
      { ...base, key: 'd', action: 'explode' as 'read' },
      { ...base, key: 'e', action: 'snooze', wakeAt: '2026-11-26T09:00:00+01:00' },
    ]);
    expect(loadQueue().map((entry) => entry.key)).toEqual(['e']);
  });

  it('ignores what is not a queued action, and clears', () => {
    localStorage.setItem(
      queueStorageKey(),
      JSON.stringify([{ key: 'x', ids: [1], action: 'read' }, 'junk', null]),
    );
    expect(loadQueue()).toEqual([]);
    localStorage.setItem(queueStorageKey(), '{not json');
    expect(loadQueue()).toEqual([]);
    enqueue(['1'], 'read');
    clearQueue();
    expect(localStorage.getItem(queueStorageKey())).toBeNull();
  });
});
