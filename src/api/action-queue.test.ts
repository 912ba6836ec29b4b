// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  adoptOrphans,
  cancelQueuedReads,
  completeQueued,
  enqueue,
  loadEntries,
  loadQueue,
  queueStorageKey,
  saveEntries,
  subscribeQueue,
  thisTab,
} from './action-queue.ts';
import {
  adoptOrphanComments,
  enqueueComment,
  loadComments,
  updateQueuedComment,
} from './comment-queue.ts';

const task = { kind: 'task', id: 12 } as const;

describe('replies in the durable queue', () => {
  beforeEach(() => localStorage.clear());

  it('are written with the inbox’s actions and left alone by everything the inbox does', () => {
    const read = enqueue(['1', '2'], 'read');
    const reply = enqueueComment(task, 'Hi @Ana', [{ id: '7', name: 'Ana' }]);
    enqueue(['3'], 'dismiss');
    expect(loadQueue().map((entry) => entry.action)).toEqual(['read', 'dismiss']);
    expect(loadComments()).toEqual([reply]);

    cancelQueuedReads(['1', '2']);
    completeQueued(read);
    expect(loadComments()).toEqual([reply]);
    expect(loadEntries().map((entry) => entry.kind ?? 'notification')).toEqual([
      'comment',
      'notification',
    ]);
    completeQueued(reply.key);
    expect(loadComments()).toEqual([]);
  });

  it('notes a refusal, and is adopted from a gone tab only when not refused; the inbox never adopts one', async () => {
    saveEntries([
      { ...enqueueComment(task, 'orphan', []), owner: 'gone-tab' },
      { ...enqueueComment(task, 'refused', []), owner: 'gone-tab', failure: 'No' },
    ]);
    expect(await adoptOrphans()).toEqual([]);
    const adopted = await adoptOrphanComments();
    expect(adopted.map((entry) => entry.text)).toEqual(['orphan']);
    expect(loadComments().find((entry) => entry.text === 'orphan')?.owner).toBe(thisTab);
    expect(loadComments().find((entry) => entry.text === 'refused')?.owner).toBe('gone-tab');

    const refused = loadComments().find((entry) => entry.text === 'refused');
    expect(
      updateQueuedComment(refused?.key ?? '', { failure: null, owner: thisTab }),
    ).toMatchObject({ failure: null, owner: thisTab });
    expect(updateQueuedComment('missing', { failure: 'x' })).toBeNull();
  });

  it('tells this page’s listeners of every change, and ignores a malformed reply', () => {
    let heard = 0;
    const unsubscribe = subscribeQueue(() => heard++);
    const reply = enqueueComment(task, 'x', []);
    updateQueuedComment(reply.key, { failure: 'Refused' });
    completeQueued(reply.key);
    unsubscribe();
    enqueue(['1'], 'read');
    expect(heard).toBe(3);

    localStorage.setItem(
      queueStorageKey(),
      JSON.stringify([
        {
          kind: 'comment',
          key: 'a',
          owner: 'o',
          createdAt: 1,
          text: 'x',
          mentions: [],
          failure: null,
          target: { kind: 'project', id: 1 },
        },
        {
          kind: 'comment',
          key: 'b',
          owner: 'o',
          createdAt: 1,
          text: 5,
          mentions: [],
          failure: null,
          target: task,
        },
        {
          kind: 'comment',
          key: 'c',
          owner: 'o',
          createdAt: 1,
          text: 'x',
          mentions: [{ id: 7 }],
          failure: null,
          target: task,
        },
        { kind: 'other', key: 'd', ids: ['1'], action: 'read', owner: 'o', createdAt: 1 },
      ]),
    );
    // Malformed replies are kept as they are by the queue's core (it only moves replies) and never read as replies.
    expect(loadComments()).toEqual([]);
    expect(loadEntries().map((entry) => entry.key)).toEqual(['a', 'b', 'c']);
  });
});
