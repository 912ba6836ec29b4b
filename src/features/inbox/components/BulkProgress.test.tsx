// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBulkProgress } from '../bulk/bulk-entry.ts';
import {
  endRunView,
  isBulkRunning,
  onCancel,
  setRunView,
  type BulkRunView,
} from '../bulk/bulk-runs.ts';
import { BulkProgress, progressText } from './BulkProgress.tsx';

const NOW = 1_000_000_000;
const run = (over: Partial<BulkRunView> = {}): BulkRunView => ({
  key: 'bulk-1',
  action: 'dismiss',
  total: 1_497,
  done: 600,
  failed: 0,
  startedAt: NOW - 60_000,
  doneAtStart: 0,
  waitingUntil: null,
  wholeInbox: false,
  stopping: false,
  ...over,
});

afterEach(() => {
  cleanup();
  endRunView('bulk-1');
});

describe('the bulk progress bar', () => {
  it('says how far, and about how long is left, from the pace so far', () => {
    // 600 in 60 s: 897 left take about 90 s.
    expect(progressText(run(), NOW)).toBe('Dismissing 600 of 1,497 · about 2 min left');
    expect(progressText(run({ done: 1_400 }), NOW)).toBe(
      'Dismissing 1,400 of 1,497 · about 4 s left',
    );
    expect(progressText(run({ done: 3 }), NOW)).toBe('Dismissing 3 of 1,497');
    expect(progressText(run({ waitingUntil: NOW + 125_000 }), NOW)).toBe(
      'Dismissing 600 of 1,497 · within Productive’s rate limit, going on in 2 min',
    );
    expect(progressText(run({ stopping: true }), NOW)).toBe('Dismissing 600 of 1,497 · stopping');
    expect(progressText(run({ action: 'undismiss' }), NOW)).toMatch(/^Restoring 600 of 1,497/);
    expect(progressText(run({ wholeInbox: true }), NOW)).toBe(
      'Dismissing all of your Inbox in one request',
    );
  });

  it('is a progressbar with its value, moves as items are done, and Cancel stops the run', async () => {
    const stop = vi.fn();
    render(<BulkProgress />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(isBulkRunning()).toBe(false);
    act(() => setRunView(run({ startedAt: Date.now() })));
    expect(isBulkRunning()).toBe(true);
    onCancel('bulk-1', stop);
    const bar = screen.getByRole('progressbar', { name: 'Dismissing notifications' });
    expect(bar.getAttribute('aria-valuenow')).toBe('600');
    expect(bar.getAttribute('aria-valuemax')).toBe('1497');
    act(() => setRunView(run({ done: 700, startedAt: Date.now() })));
    expect(bar.getAttribute('aria-valuenow')).toBe('700');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(stop).toHaveBeenCalledOnce();
    act(() => endRunView('bulk-1'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(isBulkRunning()).toBe(false);
  });
});

describe('a stored bulk entry', () => {
  const valid = {
    action: 'dismiss',
    ids: ['1', '2', '3'],
    next: 2,
    inFlight: ['2'],
    failed: [],
    refusal: null,
  };
  it('is read back only when every part of it is what the runner wrote', () => {
    expect(readBulkProgress(valid)).toEqual(valid);
    for (const wrong of [
      null,
      'dismiss',
      { ...valid, action: 'delete' },
      { ...valid, ids: [1, 2] },
      { ...valid, next: 4 },
      { ...valid, next: -1 },
      { ...valid, next: 1.5 },
      { ...valid, inFlight: 'all' },
      { ...valid, refusal: 3 },
      { ...valid, membershipId: '../1' },
    ])
      expect(readBulkProgress(wrong), JSON.stringify(wrong)).toBeNull();
  });
});
