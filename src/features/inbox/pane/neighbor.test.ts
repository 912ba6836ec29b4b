import { describe, expect, it } from 'vitest';
import { neighborAfterLeaving, stepFrom } from './neighbor.ts';

const ids = ['1', '2', '3', '4', '5'];

describe('neighborAfterLeaving', () => {
  it('opens the next one, or the previous one, as the setting says', () => {
    expect(neighborAfterLeaving(ids, '3', new Set(['3']), 'next')).toBe('4');
    expect(neighborAfterLeaving(ids, '3', new Set(['3']), 'previous')).toBe('2');
  });
  it('skips every row leaving with it', () => {
    expect(neighborAfterLeaving(ids, '2', new Set(['2', '3', '4']), 'next')).toBe('5');
    expect(neighborAfterLeaving(ids, '4', new Set(['2', '3', '4']), 'previous')).toBe('1');
  });
  it('turns the other way at an end, and gives up when nothing remains', () => {
    expect(neighborAfterLeaving(ids, '5', new Set(['5']), 'next')).toBe('4');
    expect(neighborAfterLeaving(ids, '1', new Set(['1']), 'previous')).toBe('2');
    expect(neighborAfterLeaving(['1'], '1', new Set(['1']), 'next')).toBeNull();
    expect(neighborAfterLeaving(ids, '9', new Set(['9']), 'next')).toBeNull();
  });
});

describe('stepFrom', () => {
  it('moves one row and stops at the ends', () => {
    expect(stepFrom(ids, '3', 1)).toBe('4');
    expect(stepFrom(ids, '3', -1)).toBe('2');
    expect(stepFrom(ids, '5', 1)).toBeNull();
    expect(stepFrom(ids, '1', -1)).toBeNull();
  });
  it('starts at the first or last row when none is current', () => {
    expect(stepFrom(ids, null, 1)).toBe('1');
    expect(stepFrom(ids, 'gone', -1)).toBe('5');
    expect(stepFrom([], null, 1)).toBeNull();
  });
});
