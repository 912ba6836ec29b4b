// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatClock } from '../lib/formats.ts';
import { RelativeTime } from './RelativeTime.tsx';

afterEach(() => vi.useRealTimers());

describe('a row’s time under a day heading', () => {
  it('is the clock time for a day before today (the heading names the day), relative for today', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T15:00:00'), toFake: ['Date'] });
    const older = '2026-11-20T14:05:00';
    const { rerender } = render(<RelativeTime iso={older} underDayHeading />);
    expect(screen.getByText(formatClock(new Date(older)))).toBeTruthy();
    expect(screen.queryByText(/ago/)).toBeNull();

    // Without a day heading (grouped by project, or not at all): how long ago.
    rerender(<RelativeTime iso={older} />);
    expect(screen.getByText(/weeks? ago/)).toBeTruthy();

    // Today: how long ago, even under "Today".
    rerender(<RelativeTime iso="2026-12-07T12:00:00" underDayHeading />);
    expect(screen.getByText(/3 hours ago/)).toBeTruthy();
  });
});
