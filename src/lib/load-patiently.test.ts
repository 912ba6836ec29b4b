import { describe, expect, it, vi } from 'vitest';
import { loadPatiently } from './load-patiently.ts';

describe('code loaded patiently', () => {
  it('is asked for again until it arrives, and never fails', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const load = () =>
      ++attempts < 3
        ? Promise.reject(new Error('Failed to fetch dynamically imported module'))
        : Promise.resolve('the code');
    const loading = loadPatiently(load, 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(loading).resolves.toBe('the code');
    expect(attempts).toBe(3);
    vi.useRealTimers();
  });
});
