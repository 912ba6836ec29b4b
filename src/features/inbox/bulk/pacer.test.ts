import { describe, expect, it } from 'vitest';
import { BudgetPacer, reserveOf, UNTOLD_SPACING_MS } from './pacer.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the bulk pacer', () => {
  it('spaces requests to 100 per 10 s while the server tells nothing', async () => {
    const time = clock();
    const pacer = new BudgetPacer({ now: time.now });
    await pacer.slot();
    expect(pacer.waitMs()).toBe(UNTOLD_SPACING_MS);
    time.advance(UNTOLD_SPACING_MS);
    expect(pacer.waitMs()).toBe(0);
  });

  it('goes at once while more than the reserve is left, and stops at the reserve until the slot frees', async () => {
    const time = clock();
    const pacer = new BudgetPacer({ now: time.now });
    pacer.observe({ limit: 100, remaining: 14, resetSeconds: 6, at: time.now() });
    // 14 left, 10 kept in reserve for the person and the polling: 4 go now.
    for (let i = 0; i < 4; i++) {
      expect(pacer.waitMs(), `request ${i + 1}`).toBe(0);
      await pacer.slot();
    }
    expect(pacer.waitMs()).toBe(6_000);
    expect(pacer.waitingUntil).toBe(time.now() + 6_000);
    time.advance(6_000);
    // The slot has freed, but a request of this pacer is still under way: its answer tells more.
    expect(pacer.waitMs()).toBe(100);
    pacer.observe({ limit: 100, remaining: 11, resetSeconds: 1, at: time.now() });
    expect(pacer.waitMs()).toBe(0);
  });

  it('probes once after a reset with nothing under way, and a 429 told as none left holds it', async () => {
    const time = clock();
    const pacer = new BudgetPacer({ now: time.now });
    pacer.observe({ limit: 10, remaining: 0, resetSeconds: 3, at: time.now() });
    expect(pacer.waitMs()).toBe(3_000);
    time.advance(3_000);
    expect(pacer.waitMs()).toBe(0);
    await pacer.slot();
    expect(pacer.waitMs()).toBe(100);
  });

  it('keeps a tenth of a window, at least 2, for everything else', () => {
    expect(reserveOf(100)).toBe(10);
    expect(reserveOf(4_000)).toBe(400);
    expect(reserveOf(10)).toBe(2);
  });

  it('stops waiting when the bulk is cancelled', async () => {
    const pacer = new BudgetPacer();
    pacer.observe({ limit: 100, remaining: 0, resetSeconds: 60, at: Date.now() });
    const controller = new AbortController();
    const waiting = pacer.slot(controller.signal);
    controller.abort(new Error('Cancelled'));
    await expect(waiting).rejects.toThrow('Cancelled');
  });
});
