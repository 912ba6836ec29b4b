import { describe, expect, it } from 'vitest';
import { median, storeTable, type StoreRun } from './table.ts';

const aRun = (overrides: Partial<StoreRun> = {}): StoreRun => ({
  writeAllMs: 1000,
  readAllMs: 500,
  putPageMs: 20,
  clearMs: 5,
  bytes: 10 * 1024 * 1024,
  ...overrides,
});

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([900, 100, 300, 200, 5000])).toBe(300);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(/No values/);
  });
});

describe('storeTable', () => {
  it('prints one row per store and size, with the medians of its runs and its gzip size', () => {
    const table = storeTable([
      {
        store: 'Dexie',
        notifications: 20_000,
        gzipBytes: 31_180,
        runs: [
          aRun({ writeAllMs: 2500 }),
          aRun({ writeAllMs: 9000, putPageMs: 4.24 }),
          aRun({ writeAllMs: 2100 }),
        ],
      },
    ]).split('\n');
    expect(table).toHaveLength(3);
    expect(table[0]).toMatch(/^\| Store \| Held \| Write all/);
    expect(table[2]).toBe(
      '| Dexie | 20,000 | 2,500 ms | 500 ms | 20 ms | 5.0 ms | 10.0 MB | 30.4 KB |',
    );
  });
});
