// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxKey, thisTab } from '../../../outbox/store.ts';
import {
  cancelReads,
  enqueueAction,
  holdRead,
  queuedActions,
  readActionPayload,
  setReadHoldMs,
} from './queued-actions.ts';

const payloads = () => queuedActions().map(({ payload }) => payload);

describe('inbox actions in the outbox', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => setReadHoldMs(0));

  it('is in local storage the moment an action is queued, under its kind', () => {
    const key = enqueueAction(['1', '2'], 'dismiss');
    expect(JSON.parse(localStorage.getItem(outboxKey()) ?? '[]')).toEqual([
      expect.objectContaining({
        kind: 'inbox-action',
        key,
        owner: thisTab,
        payload: { ids: ['1', '2'], action: 'dismiss' },
      }),
    ]);
  });

  it('undo cancels held reads: they leave this tab’s read entries, and only those', async () => {
    setReadHoldMs(60_000);
    enqueueAction(['1', '2'], 'read');
    enqueueAction(['1'], 'dismiss');
    const outcomes = ['1', '2'].map(holdRead);
    expect(cancelReads(['1'])).toEqual(['1']);
    expect(await outcomes[0]).toBe('cancelled');
    expect(payloads()).toEqual([
      { ids: ['2'], action: 'read' },
      { ids: ['1'], action: 'dismiss' },
    ]);
    expect(cancelReads(['2'])).toEqual(['2']);
    expect(payloads().map(({ action }) => action)).toEqual(['dismiss']);
    // A read no longer held (already sent) is not cancelled, and its entry stays.
    enqueueAction(['3'], 'read');
    expect(cancelReads(['3'])).toEqual([]);
    expect(payloads().map(({ action }) => action)).toEqual(['dismiss', 'read']);
  });

  it('keeps snooze, unsnooze and wake entries, a snooze with its wake time, across a reload', () => {
    enqueueAction(['1', '2', '3'], 'snooze', '2026-11-26T09:00:00+01:00');
    enqueueAction(['1'], 'unsnooze');
    enqueueAction(['4'], 'wake');
    const stored = localStorage.getItem(outboxKey()) ?? '[]';
    localStorage.clear();
    localStorage.setItem(outboxKey(), stored);
    expect(payloads()).toEqual([
      { ids: ['1', '2', '3'], action: 'snooze', wakeAt: '2026-11-26T09:00:00+01:00' },
      { ids: ['1'], action: 'unsnooze' },
      { ids: ['4'], action: 'wake' },
    ]);
  });

  it('reads no snooze without a readable wake time, no action it does not know, no ids that are not strings', () => {
    expect(readActionPayload({ ids: ['1'], action: 'snooze' })).toBeNull();
    expect(readActionPayload({ ids: ['1'], action: 'snooze', wakeAt: 'tomorrow' })).toBeNull();
    expect(
      readActionPayload({ ids: ['1'], action: 'dismiss', wakeAt: '2026-11-26T09:00:00+01:00' }),
    ).toBeNull();
    expect(readActionPayload({ ids: ['1'], action: 'explode' })).toBeNull();
    expect(readActionPayload({ ids: [1], action: 'read' })).toBeNull();
    expect(readActionPayload(null)).toBeNull();
    expect(
      readActionPayload({ ids: ['1'], action: 'snooze', wakeAt: '2026-11-26T09:00:00+01:00' }),
    ).not.toBeNull();
  });
});
