import { describe, expect, it } from 'vitest';
import { notificationRecords, seededRandom, syncPage } from './records.ts';

describe('notificationRecords', () => {
  it('makes N records with ids first…first+N-1, newest first', () => {
    const records = notificationRecords(500, 1, 11);
    expect(records).toHaveLength(500);
    expect(records[0]?.id).toBe('11');
    expect(records.at(-1)?.id).toBe('510');
    expect(new Set(records.map((record) => record.id)).size).toBe(500);
    const times = records.map((record) => Date.parse(record.lastActionAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('gives the same records for the same seed, so every store writes identical data', () => {
    expect(notificationRecords(50, 7)).toEqual(notificationRecords(50, 7));
    expect(notificationRecords(50, 7)).not.toEqual(notificationRecords(50, 8));
  });

  it('makes records the size of a real one (excerpts of 40 to 240 characters), with a mix of states', () => {
    const records = notificationRecords(2000);
    const bytes = records.map((record) => JSON.stringify(record).length);
    const mean = bytes.reduce((sum, size) => sum + size, 0) / bytes.length;
    expect(mean).toBeGreaterThan(500);
    expect(mean).toBeLessThan(900);
    for (const record of records) {
      expect(record.excerpt.length).toBeGreaterThanOrEqual(40);
      expect(record.excerpt.length).toBeLessThanOrEqual(240);
    }
    const share = (test: (record: (typeof records)[number]) => boolean) =>
      records.filter(test).length / records.length;
    expect(share((record) => record.read)).toBeGreaterThan(0.15);
    expect(share((record) => record.read)).toBeLessThan(0.35);
    expect(share((record) => record.important)).toBeGreaterThan(0.05);
    expect(share((record) => record.dismissed)).toBeGreaterThan(0.1);
  });
});

describe('syncPage', () => {
  it('is half new records after the held ones and half held ones changed', () => {
    const page = syncPage(20_000);
    expect(page).toHaveLength(200);
    const ids = page.map((record) => Number(record.id));
    expect(new Set(ids).size).toBe(200);
    expect(ids.filter((id) => id > 20_000)).toHaveLength(100);
    const changed = page.filter((record) => Number(record.id) <= 20_000);
    expect(changed).toHaveLength(100);
    expect(changed.every((record) => record.read)).toBe(true);
  });
});

describe('seededRandom', () => {
  it('stays within [0, 1)', () => {
    const random = seededRandom(42);
    for (let index = 0; index < 10_000; index++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
