import { describe, expect, it } from 'vitest';
import { classifyMove, SWIPE_THRESHOLD_PX, swipeOutcome } from './use-swipe.ts';

describe('swiping a row', () => {
  it('leaves a mostly vertical move to the browser (the list scrolls)', () => {
    expect(classifyMove(4, 30)).toBe('scroll');
    expect(classifyMove(20, 20)).toBe('scroll');
    expect(classifyMove(-40, 12)).toBe('swipe');
    expect(classifyMove(6, 5)).toBe('undecided');
  });

  it('acts only past the threshold: left dismisses, right marks read, short springs back', () => {
    expect(swipeOutcome(-SWIPE_THRESHOLD_PX)).toBe('left');
    expect(swipeOutcome(SWIPE_THRESHOLD_PX + 30)).toBe('right');
    expect(swipeOutcome(SWIPE_THRESHOLD_PX - 1)).toBeNull();
    expect(swipeOutcome(-20)).toBeNull();
  });
});
