import { describe, expect, it } from 'vitest';
import { listCount } from './ListHeader.tsx';

describe('listCount', () => {
  it('says what a whole view holds', () => {
    expect(listCount(37, false, 37, '')).toEqual({ visibleCount: 37 });
  });
  it('says the server’s total while its pages still come, never the first page’s 50', () => {
    expect(listCount(50, true, 1_400, '')).toEqual({ visibleCount: 1_400 });
  });
  it('says "50+" with a search over loaded pages, or when no total was sent', () => {
    expect(listCount(50, true, 1_400, 'deploy')).toEqual({ visibleCount: 50, atLeast: true });
    expect(listCount(50, true, null, '')).toEqual({ visibleCount: 50, atLeast: true });
  });
});
