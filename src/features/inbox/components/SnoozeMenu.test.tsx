// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiMock,
  mockNotification,
  mockState,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
import { renderApp } from '../../../testing/render.tsx';
import { setReadHoldMs } from '../api/queued-actions.ts';
import { SnoozeMenu } from './SnoozeMenu.tsx';
import { formatClock } from '../../../lib/formats.ts';

/** The weekday and the clock time as the browser's locale writes them, as the menu shows them. */
const formatClockAt = (iso: string, weekday: string) => `${weekday} ${formatClock(new Date(iso))}`;

const originalZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Zagreb';
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
});
afterAll(() => {
  apiMock.close();
  process.env.TZ = originalZone;
});
beforeEach(() => setReadHoldMs(0));
afterEach(() => localStorage.clear());

/** Wednesday 25 November 2026, 10:17 in Zagreb. */
const NOW = new Date('2026-11-25T09:17:00Z');

describe('the snooze menu', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  function renderMenu() {
    const onSnooze = vi.fn();
    render(
      <>
        <button type="button">Before</button>
        <SnoozeMenu label="Snooze: Fix the login" onSnooze={onSnooze} />
      </>,
    );
    return { onSnooze, trigger: screen.getByRole('button', { name: 'Snooze: Fix the login' }) };
  }

  it('opens from the keyboard on its first item, each preset showing the time it means', async () => {
    const user = userEvent.setup();
    const { trigger } = renderMenu();
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Snooze until' });
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(trigger.getAttribute('aria-controls')).toBe(menu.parentElement?.id);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      `Later today${formatClockAt('2026-11-25T12:17:00Z', 'Wed')}`,
      `Tomorrow morning${formatClockAt('2026-11-26T08:00:00Z', 'Thu')}`,
      `Next Monday morning${formatClockAt('2026-11-30T08:00:00Z', 'Mon')}`,
      'Pick a date and time…',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
  });

  it('moves with the arrows (round), Home and End; Esc closes it with focus back on the trigger', async () => {
    const user = userEvent.setup();
    const { trigger, onSnooze } = renderMenu();
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    const items = within(await screen.findByRole('menu')).getAllByRole('menuitem');
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(onSnooze).not.toHaveBeenCalled();
  });

  it('Enter on a preset snoozes until then, in the person’s zone, and closes with focus on the trigger', async () => {
    const user = userEvent.setup();
    const { trigger, onSnooze } = renderMenu();
    trigger.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('menu');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onSnooze).toHaveBeenCalledExactlyOnceWith('2026-11-30T09:00:00+01:00');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('a picked time in the past is refused with a reason; a future one snoozes', async () => {
    const user = userEvent.setup();
    const { trigger, onSnooze } = renderMenu();
    await user.click(trigger);
    await user.click(await screen.findByRole('menuitem', { name: 'Pick a date and time…' }));
    const field = await screen.findByLabelText('Wake it at');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect((field as HTMLInputElement).value).toBe('2026-11-26T09:00');
    await user.clear(field);
    await user.type(field, '2026-11-24T09:00');
    await user.click(screen.getByRole('button', { name: 'Snooze' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'That time has passed: pick a time in the future.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onSnooze).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, '2026-12-01T14:30');
    await user.keyboard('{Enter}');
    expect(onSnooze).toHaveBeenCalledExactlyOnceWith('2026-12-01T14:30:00+01:00');
    expect(document.activeElement).toBe(trigger);
  });

  it('closes when focus leaves the picker, and leaves focus where it went', async () => {
    const user = userEvent.setup();
    const { trigger, onSnooze } = renderMenu();
    await user.click(trigger);
    await user.click(await screen.findByRole('menuitem', { name: 'Pick a date and time…' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Wake it at')));
    // Tab within the picker keeps it open.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText('Wake it at')).toBeTruthy();
    // Focus going elsewhere closes it.
    act(() => screen.getByRole('button', { name: 'Before' }).focus());
    expect(screen.queryByLabelText('Wake it at')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Before' }));
    expect(onSnooze).not.toHaveBeenCalled();
  });
});

describe('snoozing from the inbox', () => {
  beforeEach(() => resetMockState([mockNotification(1), mockNotification(2), mockNotification(3)]));
  const rowIds = () =>
    screen.queryAllByTestId('notification-row').map((row) => row.dataset.notificationId);

  it('the row leaves at once, the toast says until when, and Undo sends exactly one DELETE', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rowIds()).toEqual(['1', '2', '3']));
    await user.click(await screen.findByRole('button', { name: /^Snooze: .*Task 2/ }));
    await user.click(await screen.findByRole('menuitem', { name: /^Tomorrow morning/ }));
    await waitFor(() => expect(rowIds()).toEqual(['1', '3']));
    const toast = await screen.findByText(/^Snoozed “Task 2” until \w{3} 0?9:00( AM)?$/);
    await waitFor(() => expect(mockState.snoozeRequests).toHaveLength(1));
    expect(mockState.snoozeRequests[0]).toMatch(/^PUT 2 \d{4}-\d\d-\d\dT09:00:00[+-]\d\d:\d\d$/);
    await user.click(
      within(toast.parentElement as HTMLElement).getByRole('button', { name: 'Undo' }),
    );
    await waitFor(() => expect(rowIds()).toEqual(['1', '2', '3']));
    await waitFor(() => expect(mockState.snoozeRequests).toEqual([expect.any(String), 'DELETE 2']));
    expect(mockState.notifications.find((item) => item.id === 2)?.dismissed).toBe(false);
  });

  it('shows those back from snooze first, marked, and hides the scheduled ones', async () => {
    mockState.snoozes = [
      {
        id: '3',
        state: 'woken',
        wakeAt: '2026-11-25T08:00:00.000Z',
        snoozedAt: '2026-11-24T08:00:00.000Z',
        wokenAt: '2026-11-25T08:00:00.000Z',
        newActivityCount: 0,
      },
      {
        id: '2',
        state: 'scheduled',
        wakeAt: '2099-11-25T08:00:00.000Z',
        snoozedAt: '2026-11-24T08:00:00.000Z',
        wokenAt: null,
        newActivityCount: 0,
      },
    ];
    renderApp('/');
    await waitFor(() => expect(rowIds()).toEqual(['3', '1']));
    const back = screen.getAllByTestId('notification-row')[0] as HTMLElement;
    expect(within(back).getByText('Back from snooze')).toBeTruthy();

    // Read, it is acknowledged on the server and loses its mark.
    await userEvent
      .setup()
      .click(await within(back).findByRole('button', { name: /^Mark as read:/ }));
    await waitFor(() => expect(mockState.snoozeRequests).toEqual(['POST 3/acknowledge']));
    await waitFor(() => expect(screen.queryByText('Back from snooze')).toBeNull());
  });
});
