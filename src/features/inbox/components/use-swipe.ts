import { useRef, useState, type MouseEvent, type PointerEvent } from 'react';

/** How far a finger must travel sideways before the row follows it (below it, a tap or a scroll). */
export const SWIPE_SLOP_PX = 10;
/** How far a row must be swiped for its action to happen on release. */
export const SWIPE_THRESHOLD_PX = 96;

export type SwipeDirection = 'left' | 'right';

/** Once the finger has moved: a sideways swipe, a vertical scroll (left to the browser), or too early to say. */
export function classifyMove(dx: number, dy: number): 'swipe' | 'scroll' | 'undecided' {
  if (Math.abs(dy) > SWIPE_SLOP_PX && Math.abs(dy) >= Math.abs(dx)) return 'scroll';
  if (Math.abs(dx) > SWIPE_SLOP_PX && Math.abs(dx) > Math.abs(dy)) return 'swipe';
  return 'undecided';
}

/** What a release after a sideways swipe of `dx` pixels does: an action, or the row springs back. */
export const swipeOutcome = (dx: number, threshold = SWIPE_THRESHOLD_PX): SwipeDirection | null =>
  dx <= -threshold ? 'left' : dx >= threshold ? 'right' : null;

interface Gesture {
  pointerId: number;
  x: number;
  y: number;
  state: 'undecided' | 'swipe';
}

/**
 * A row that follows a finger sideways (pointer events of touch only): released far enough left or right, it calls
 * `onSwipe`. A mostly vertical move is left to the browser (the row has `touch-action: pan-y`), so the list still
 * scrolls; a tap is still a tap, and the click that ends a swipe is swallowed.
 */
export function useSwipe(onSwipe: (direction: SwipeDirection) => void) {
  const [offset, setOffset] = useState(0);
  const gesture = useRef<Gesture | null>(null);
  const swallowClick = useRef(false);

  const end = (event: PointerEvent<HTMLElement>, cancelled: boolean) => {
    const current = gesture.current;
    if (!current || current.pointerId !== event.pointerId) return;
    gesture.current = null;
    setOffset(0);
    if (current.state !== 'swipe' || cancelled) return;
    swallowClick.current = true;
    const direction = swipeOutcome(event.clientX - current.x);
    if (direction) onSwipe(direction);
  };

  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      swallowClick.current = false;
      if (event.pointerType !== 'touch' || !event.isPrimary) return;
      gesture.current = {
        pointerId: event.pointerId,
        x: event.clientX,
        y: event.clientY,
        state: 'undecided',
      };
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const current = gesture.current;
      if (!current || current.pointerId !== event.pointerId) return;
      const dx = event.clientX - current.x;
      if (current.state === 'undecided') {
        const kind = classifyMove(dx, event.clientY - current.y);
        if (kind === 'scroll') {
          gesture.current = null;
          return;
        }
        if (kind === 'undecided') return;
        current.state = 'swipe';
        event.currentTarget.setPointerCapture?.(event.pointerId);
      }
      setOffset(dx);
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => end(event, false),
    onPointerCancel: (event: PointerEvent<HTMLElement>) => end(event, true),
    onClickCapture: (event: MouseEvent<HTMLElement>) => {
      if (!swallowClick.current) return;
      swallowClick.current = false;
      event.preventDefault();
      event.stopPropagation();
    },
  };
  return { offset, handlers };
}
