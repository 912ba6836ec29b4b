// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SelectionBar } from './SelectionBar.tsx';

const noop = () => {};
const rows = (count: number) => Array.from({ length: count }, (_, index) => String(index + 1));
const actions = {
  read: noop,
  dismiss: noop,
  restore: noop,
  snooze: noop,
  mute: noop,
  undo: noop,
  onLeaving: () => noop,
};
const bar = (overrides: Partial<Parameters<typeof SelectionBar>[0]> = {}) =>
  render(
    <SelectionBar
      day={null}
      selected={rows(50)}
      actions={actions}
      unreadSelectedCount={10}
      loadedCount={50}
      totalCount={13_000}
      inDismissedView={false}
      allLoadedSelected
      onSelectAllLoaded={noop}
      onSelectAllMatching={noop}
      onClear={noop}
      {...overrides}
    />,
  );

describe('the selection bar', () => {
  it('offers to select all matching when they fit under the cap', () => {
    bar();
    expect(screen.getByRole('button', { name: 'Select all 13,000 matching' })).toBeTruthy();
  });

  it('says how far "select all matching" has come, in place of its button', () => {
    bar({ matchingProgress: { loaded: 2_400, total: 13_000 } });
    expect(screen.getByRole('status').textContent).toBe('Selecting… 2,400 of 13,000');
    expect(screen.queryByRole('button', { name: /matching/ })).toBeNull();
  });

  it('offers only the first 20,000 when more match, and nothing more once they are selected', () => {
    const { unmount } = bar({ totalCount: 23_456 });
    expect(
      screen.getByRole('button', { name: 'Select the first 20,000 of 23,456 matching' }),
    ).toBeTruthy();
    unmount();
    bar({ totalCount: 23_456, selected: rows(20_000) });
    expect(screen.queryByRole('button', { name: /matching/ })).toBeNull();
  });

  it('with the whole Inbox selected, dismisses it in one request and says so', async () => {
    const dismiss = vi.fn();
    bar({ selected: rows(1_497), wholeInbox: true, actions: { ...actions, dismiss } });
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Dismiss all 1,497 notifications of your Inbox in one request',
      }),
    );
    expect(dismiss).toHaveBeenCalledWith(rows(1_497), { wholeInbox: true });
    expect(screen.queryByRole('button', { name: 'Dismiss 1497 notifications' })).toBeNull();
  });
});
