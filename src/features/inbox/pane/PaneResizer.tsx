import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampPaneWidth, PANE_WIDTH } from './pane-settings.ts';

interface Props {
  width: number;
  /** The widest the pane may be in this window. */
  max: number;
  onResize: (width: number) => void;
}

const STEP = 24;
const BIG_STEP = 120;

/**
 * The handle between the list and the pane: drag it, or focus it and use the arrow keys (Shift for bigger
 * steps), Home and End. The pane is on the right, so moving the handle left widens it.
 */
export function PaneResizer({ width, max, onResize }: Props) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const resize = (next: number) => onResize(clampPaneWidth(next, max));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    resize(drag.current.startWidth + (drag.current.startX - event.clientX));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next: Record<string, number> = {
      ArrowLeft: width + step,
      ArrowRight: width - step,
      Home: PANE_WIDTH.min,
      End: max,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    resize(target);
  };

  return (
    // A focusable separator is an interactive widget (WAI-ARIA window splitter pattern), which the lint rules
    // do not know.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the reading pane"
      aria-valuemin={PANE_WIDTH.min}
      aria-valuemax={Math.max(PANE_WIDTH.min, max)}
      aria-valuenow={width}
      aria-valuetext={`${width} pixels wide`}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      data-testid="pane-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      className="group absolute inset-y-0 -left-1.5 z-10 flex w-3 cursor-col-resize touch-none justify-center outline-none"
    >
      <span className="h-full w-0.5 bg-transparent group-hover:bg-brand-600 group-focus-visible:w-1 group-focus-visible:bg-brand-600" />
    </div>
  );
}
