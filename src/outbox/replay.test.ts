// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from './entry.ts';
import { startOutbox, type OutboxContext, type Sender } from './replay.ts';
import { claimThisTab, complete, loadEntries, outboxKey, tabLock, thisTab } from './store.ts';

/** Web Locks as the browser keeps them: exclusive, granted in order, a waiting request can be aborted. */
class Locks {
  private held = new Set<string>();
  private waiting: { name: string; grant: () => void }[] = [];

  request(
    name: string,
    optionsOrCallback: { signal?: AbortSignal } | (() => unknown),
    callback?: () => unknown,
  ): Promise<unknown> {
    const run = (callback ?? optionsOrCallback) as () => unknown;
    const signal = typeof optionsOrCallback === 'object' ? optionsOrCallback.signal : undefined;
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held.add(name);
        void Promise.resolve()
          .then(run)
          .then(resolve, reject)
          .finally(() => {
            this.held.delete(name);
            const next = this.waiting.findIndex((request) => request.name === name);
            if (next >= 0) this.waiting.splice(next, 1)[0]?.grant();
          });
      };
      if (!this.held.has(name)) return grant();
      const request = { name, grant };
      this.waiting.push(request);
      signal?.addEventListener('abort', () => {
        this.waiting = this.waiting.filter((other) => other !== request);
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  }

  query() {
    return Promise.resolve({ held: [...this.held].map((name) => ({ name })) });
  }
}

const write = (entries: OutboxEntry[]) =>
  localStorage.setItem(outboxKey(), JSON.stringify(entries));
const entry = (key: string, change: Partial<OutboxEntry> = {}): OutboxEntry => ({
  kind: 'note',
  key,
  owner: 'gone-tab',
  createdAt: 1,
  payload: { text: key },
  failure: null,
  ...change,
});

function noteSender(sent: string[]): Sender<{ text: string }> {
  return {
    kind: 'note',
    read: (payload) =>
      typeof (payload as { text?: unknown }).text === 'string'
        ? (payload as { text: string })
        : null,
    send: async (item) => {
      sent.push(`${item.payload.text} from ${item.owner === thisTab ? 'this tab' : item.owner}`);
      complete(item.key);
    },
  };
}

const context = (): OutboxContext => ({ queryClient: new QueryClient(), showToast: () => 0 });
let stop = () => {};

describe('the replay loop', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    stop();
    Reflect.deleteProperty(navigator, 'locks');
  });

  it('sends what gone tabs left through each kind’s sender, oldest first, and keeps what it cannot read', async () => {
    write([
      entry('second', { createdAt: 2 }),
      entry('first', { createdAt: 1 }),
      entry('unreadable', { payload: { text: 5 } }),
      entry('refused', { failure: 'No' }),
      entry('unknown', { kind: 'else' }),
      entry('mine', { owner: thisTab }),
    ]);
    const sent: string[] = [];
    stop = startOutbox(context(), [noteSender(sent)]);
    await vi.waitFor(() => expect(sent).toEqual(['first from this tab', 'second from this tab']));
    expect(loadEntries().map((item) => item.key)).toEqual([
      'unreadable',
      'refused',
      'unknown',
      'mine',
    ]);
  });

  it('downloads a sender only when an entry of its kind is to be adopted, and tries again after a failed download', async () => {
    const load = vi.fn<() => Promise<Sender<{ text: string }>>>();
    const sent: string[] = [];
    write([entry('mine', { owner: thisTab }), entry('refused', { failure: 'No' })]);
    stop = startOutbox(context(), [{ kind: 'note', load }]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(load).not.toHaveBeenCalled();
    stop();

    write([entry('left')]);
    load.mockRejectedValueOnce(new Error('offline')).mockResolvedValue(noteSender(sent));
    stop = startOutbox(context(), [{ kind: 'note', load }]);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(loadEntries()[0]?.owner).toBe('gone-tab');
    stop();
    stop = startOutbox(context(), [{ kind: 'note', load }]);
    await vi.waitFor(() => expect(sent).toEqual(['left from this tab']));
  });

  it('gives each sender its start once, with the first replay', async () => {
    write([entry('left')]);
    const sent: string[] = [];
    const stopped = vi.fn();
    let answeredFirst: string[] = [];
    stop = startOutbox(context(), [
      {
        ...noteSender(sent),
        start: (_context, firstReplay) => {
          void firstReplay.then(() => (answeredFirst = [...sent]));
          return stopped;
        },
      },
    ]);
    await vi.waitFor(() => expect(answeredFirst).toEqual(['left from this tab']));
    stop();
    expect(stopped).toHaveBeenCalledOnce();
  });

  it('leaves an open tab’s entries to it, and adopts them the moment that tab closes', async () => {
    const locks = new Locks();
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    claimThisTab();
    let closeOtherTab = () => {};
    void locks.request(
      tabLock('other-tab'),
      () => new Promise<void>((resolve) => (closeOtherTab = resolve)),
    );
    write([
      entry('theirs', { owner: 'other-tab' }),
      entry('orphan', { owner: 'closed-tab', createdAt: 0 }),
    ]);
    const sent: string[] = [];
    stop = startOutbox(context(), [noteSender(sent)]);
    await vi.waitFor(() => expect(sent).toEqual(['orphan from this tab']));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loadEntries().map((item) => item.owner)).toEqual(['other-tab']);

    closeOtherTab();
    await vi.waitFor(() => expect(sent).toEqual(['orphan from this tab', 'theirs from this tab']));
    expect(loadEntries()).toEqual([]);
  });

  it('watches a tab that writes after this page started, and stops watching when stopped', async () => {
    const locks = new Locks();
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    claimThisTab();
    let closeOtherTab = () => {};
    void locks.request(
      tabLock('late-tab'),
      () => new Promise<void>((resolve) => (closeOtherTab = resolve)),
    );
    const sent: string[] = [];
    stop = startOutbox(context(), [noteSender(sent)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The other tab writes: this page hears of it through the storage event.
    const before = localStorage.getItem(outboxKey());
    write([entry('late', { owner: 'late-tab' })]);
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: outboxKey(),
        oldValue: before,
        newValue: localStorage.getItem(outboxKey()),
      }),
    );
    closeOtherTab();
    await vi.waitFor(() => expect(sent).toEqual(['late from this tab']));

    stop();
    let closeThird = () => {};
    void locks.request(
      tabLock('third-tab'),
      () => new Promise<void>((resolve) => (closeThird = resolve)),
    );
    write([entry('after stop', { owner: 'third-tab' })]);
    window.dispatchEvent(
      new StorageEvent('storage', { key: outboxKey(), oldValue: null, newValue: '[]' }),
    );
    closeThird();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual(['late from this tab']);
  });
});
