import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../api/http.ts';
import { doneCount, doneIds, runBulkAction, type BulkDeps, type BulkProgress } from './bulk-run.ts';

const ids = Array.from({ length: 60 }, (_, index) => String(1000 + index));
const fresh = (over: Partial<BulkProgress> = {}): BulkProgress => ({
  action: 'dismiss',
  ids,
  next: 0,
  inFlight: [],
  failed: [],
  refusal: null,
  ...over,
});

/** A server that counts every PATCH per item, and whose answers can be held (a reload cuts them off). */
function fakeServer() {
  const dismissed = new Set<string>();
  const patches = new Map<string, number>();
  const reads: string[] = [];
  let holdAfter = Infinity;
  let held = 0;
  return {
    dismissed,
    patches,
    reads,
    /** From the nth PATCH on, the server applies it but the answer never comes (the page went away). */
    holdAnswersAfter(count: number) {
      holdAfter = count;
    },
    totalPatches: () => [...patches.values()].reduce((sum, count) => sum + count, 0),
    deps(signal: AbortSignal, saved: BulkProgress[], done: string[]): BulkDeps {
      return {
        signal,
        send: async (id) => {
          patches.set(id, (patches.get(id) ?? 0) + 1);
          dismissed.add(id);
          const cutOff = this.totalPatches() > holdAfter;
          await Promise.resolve();
          if (cutOff) {
            held++;
            return new Promise<void>(() => {});
          }
          if (id === '1010') throw new ApiRequestError(404, 'Not found', 'No such notification');
        },
        isDone: async (id) => {
          reads.push(id);
          return dismissed.has(id);
        },
        sendWholeInbox: async () => {
          patches.set('*', (patches.get('*') ?? 0) + 1);
          for (const id of ids) dismissed.add(id);
        },
        isWholeInboxDone: async () => ids.every((id) => dismissed.has(id)),
        save: (progress) => saved.push(structuredClone(progress)),
        pace: async () => {},
        onDone: (items) => done.push(...items),
        concurrency: 4,
      };
    },
    get held() {
      return held;
    },
  };
}

describe('a bulk action, item by item', () => {
  it('records each item as sent before sending it, and as done once answered; a refused one is failed', async () => {
    const server = fakeServer();
    const saved: BulkProgress[] = [];
    const done: string[] = [];
    const end = await runBulkAction(
      fresh(),
      server.deps(new AbortController().signal, saved, done),
    );
    expect(server.totalPatches()).toBe(60);
    expect(done).toHaveLength(59);
    expect(end).toMatchObject({ next: 60, inFlight: [], failed: ['1010'] });
    expect(end.refusal).toBe('No such notification');
    expect(doneCount(end)).toBe(59);
    // Every PATCH was preceded by a save that named it in flight.
    const firstSaveNaming = (id: string) =>
      saved.findIndex((progress) => progress.inFlight.includes(id));
    for (const id of ids) expect(firstSaveNaming(id), id).toBeGreaterThanOrEqual(0);
  });

  it('resumed after a reload, reads back what was in flight and sends no item twice', async () => {
    const server = fakeServer();
    server.holdAnswersAfter(25);
    const saved: BulkProgress[] = [];
    const page = new AbortController();
    void runBulkAction(fresh(), server.deps(page.signal, saved, []));
    // Let the first page run until its answers stop coming (the reload).
    for (let i = 0; i < 50 && server.held < 4; i++) await new Promise((r) => setTimeout(r, 0));
    expect(server.held).toBe(4);
    await new Promise((r) => setTimeout(r, 0));
    page.abort(new Error('reload'));
    const atReload = saved.at(-1) as BulkProgress;
    expect(atReload.inFlight).toHaveLength(4);
    expect(doneCount(atReload)).toBe(24);

    server.holdAnswersAfter(Infinity);
    const done: string[] = [];
    const end = await runBulkAction(atReload, server.deps(new AbortController().signal, [], done));
    expect(server.reads.sort()).toEqual([...atReload.inFlight].sort());
    for (const [id, count] of server.patches) expect(count, id).toBe(1);
    expect(server.totalPatches()).toBe(60);
    expect(end).toMatchObject({ next: 60, inFlight: [], failed: ['1010'] });
    expect(doneCount(end)).toBe(59);
    expect(done).toHaveLength(59 - 24);
  });

  it('sends an in-flight item again when reading it back shows it did not arrive', async () => {
    const server = fakeServer();
    const progress = fresh({ next: 3, inFlight: ['1002'] });
    server.dismissed.add('1000').add('1001');
    const end = await runBulkAction(progress, server.deps(new AbortController().signal, [], []));
    expect(server.patches.get('1002')).toBe(1);
    expect(server.patches.has('1000')).toBe(false);
    expect(doneCount(end)).toBe(59);
  });

  it('cancelled, starts nothing more; what was done stays done and is what an Undo takes back', async () => {
    const server = fakeServer();
    const controller = new AbortController();
    const done: string[] = [];
    const deps = server.deps(controller.signal, [], done);
    const end = await runBulkAction(fresh(), {
      ...deps,
      onDone: (items) => {
        done.push(...items);
        if (done.length === 20) controller.abort(new Error('Cancelled'));
      },
    });
    expect(server.totalPatches()).toBeLessThan(25);
    expect(end.inFlight).toEqual([]);
    expect(doneIds(end).sort()).toEqual([...done].sort());
    expect(doneIds(end)).toHaveLength(doneCount(end));
  });

  it('the whole Inbox in one request, once, even across a reload', async () => {
    const server = fakeServer();
    const saved: BulkProgress[] = [];
    const done: string[] = [];
    const end = await runBulkAction(
      fresh({ membershipId: '77' }),
      server.deps(new AbortController().signal, saved, done),
    );
    expect(server.patches.get('*')).toBe(1);
    expect(server.totalPatches()).toBe(1);
    expect(done).toHaveLength(60);
    expect(doneCount(end)).toBe(60);
    // A reload while it was in flight: read back, not sent again.
    const again = await runBulkAction(
      saved[0] as BulkProgress,
      server.deps(new AbortController().signal, [], []),
    );
    expect(server.patches.get('*')).toBe(1);
    expect(doneCount(again)).toBe(60);
  });
});
