// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiMock,
  mockNotification,
  mockState,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
import { location, renderApp } from '../../../testing/render.tsx';
import { setReadHoldMs } from '../api/queued-actions.ts';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
});
afterAll(() => apiMock.close());
beforeEach(() => setReadHoldMs(0));
beforeEach(() =>
  resetMockState([
    mockNotification(1, { important: true }),
    mockNotification(2, {
      target_type: 'todo',
      parent_type: 'task',
      title: 'created todo <b>Buy milk</b>',
    }),
    mockNotification(3, { read: true, project_id: 2, parent_title: 'Project 2' }),
    mockNotification(4, { dismissed: true }),
    mockNotification(5, {
      title: '<img src=x onerror="window.hacked=1">Hostile <script>alert(1)</script>',
      target_type: 'spaceship',
    }),
  ]),
);

const rows = () => screen.queryAllByTestId('notification-row');
const rowIds = () => rows().map((row) => row.dataset.notificationId);

describe('the inbox page', () => {
  it('lists the undismissed notifications with their total', async () => {
    renderApp('/');
    await waitFor(() => expect(rowIds()).toEqual(['1', '2', '3', '5']));
    expect(screen.getByText('4 notifications')).toBeTruthy();
    expect(screen.getAllByRole('img', { name: 'Unread' })).toHaveLength(3);
    const important = rows()
      .flatMap((row) => [...row.querySelectorAll('span')])
      .filter((span) => span.textContent === 'Important');
    expect(important.length).toBeGreaterThan(0);
    expect(important[0]?.querySelector('svg[data-icon="star"]')).toBeTruthy();
  });

  it('renders hostile titles as text, never as HTML, and unknown types as a generic row', async () => {
    const { container } = renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(container.querySelector('img, script')).toBeNull();
    expect(
      screen.getByText(/<img src=x onerror="window.hacked=1">Hostile <script>alert\(1\)<\/script>/),
    ).toBeTruthy();
    expect(within(rows()[3] as HTMLElement).getByText('Spaceship')).toBeTruthy();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('filters by type through the URL, and clears the filter in one click', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.selectOptions(await screen.findByLabelText('Type'), 'todo');
    await waitFor(() => expect(rowIds()).toEqual(['2']));
    await waitFor(() => expect(location.current).toBe('/?type=todo'));
    await user.click(screen.getByRole('button', { name: 'Remove filter: Type: Todo' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    await waitFor(() => expect(location.current).toBe('/'));
  });

  it('filters by project with the searchable picker', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(screen.getByText('All projects'));
    await user.type(screen.getByLabelText('Search projects'), '2');
    expect(screen.queryByLabelText('Project 1')).toBeNull();
    await user.click(screen.getByLabelText('Project 2'));
    await waitFor(() => expect(rowIds()).toEqual(['3']));
    await waitFor(() => expect(location.current).toBe('/?project=2'));
  });

  it('offers active projects, and archived ones behind "Show archived", asked for only then', async () => {
    mockState.notifications.push(
      mockNotification(6, { project_id: 3, parent_title: 'Old project' }),
    );
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(screen.getByText('All projects'));
    expect(await screen.findByLabelText('Project 1')).toBeTruthy();
    expect(screen.queryByLabelText(/Old project/)).toBeNull();
    expect(mockState.projectRequests).toEqual(['1']);
    await user.click(screen.getByLabelText('Show archived'));
    const archived = await screen.findByRole('checkbox', { name: /Old project/ });
    expect(archived.closest('label')?.textContent).toBe('Old projectarchived');
    await user.click(archived);
    expect(mockState.projectRequests).toEqual(['1', '2']);
    await waitFor(() => expect(rowIds()).toEqual(['6']));
    await waitFor(() => expect(location.current).toBe('/?project=3'));
  });

  it('keeps a filter on an archived project given in the address', async () => {
    mockState.notifications.push(
      mockNotification(6, { project_id: 3, parent_title: 'Old project' }),
    );
    renderApp('/?project=3');
    await waitFor(() => expect(rowIds()).toEqual(['6']));
    await waitFor(() => expect(mockState.projectRequests).toEqual(['1', '2']));
    expect(screen.queryByText(/no such project/)).toBeNull();
    expect(await screen.findByText('Project: Old project')).toBeTruthy();
  });

  it('names ignored URL values in a notice and still shows the list', async () => {
    renderApp('/?project=abc&type=spaceship&after=2026-13-45');
    await waitFor(() => expect(rows()).toHaveLength(4));
    const notice = await screen.findByText('project=abc, type=spaceship, after=2026-13-45');
    expect(notice.closest('[role="status"]')?.textContent).toContain('Ignored invalid filters');
  });

  it('shows an empty state per view and filter', async () => {
    mockState.notifications = mockState.notifications.filter(
      (notification) => !notification.dismissed,
    );
    renderApp('/dismissed');
    expect(await screen.findByText('Nothing dismissed')).toBeTruthy();
    // It says what to do, too.
    expect(screen.getByText(/Restore brings it back to the Inbox/)).toBeTruthy();
  });

  it('says, for a filtered list that is empty, that a filter can be removed', async () => {
    renderApp('/dismissed?type=invoice');
    expect(await screen.findByText(/Remove a filter above, or clear them all/)).toBeTruthy();
  });

  it('paints a filter change in its own render; the address follows a frame later, and leads', async () => {
    const { router } = renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    const read = await screen.findByLabelText('Read state');
    // No await between the change and the checks: the list was filtered in the change's own render.
    fireEvent.change(read, { target: { value: 'unread' } });
    expect(rowIds()).toEqual(['1', '2', '5']);
    expect(location.current).toBe('/');
    await waitFor(() => expect(location.current).toBe('/?read=unread'));
    expect(rowIds()).toEqual(['1', '2', '5']);
    // Back: the address's filters again.
    await act(() => router.navigate(-1));
    await waitFor(() => expect(rowIds()).toEqual(['1', '2', '3', '5']));
    expect((read as HTMLSelectElement).value).toBe('');
  });

  it('filters the list in the keystroke itself; the address follows once typing pauses, and leads', async () => {
    const { router } = renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    const box = screen.getByRole('searchbox', { name: 'Search notifications' });
    // No await between the change and the checks: the list was filtered in the change's own render.
    fireEvent.change(box, { target: { value: 'milk' } });
    expect(rowIds()).toEqual(['2']);
    expect(location.current).toBe('/');
    await waitFor(() => expect(location.current).toBe('/?q=milk'));
    expect(rowIds()).toEqual(['2']);
    // An address from elsewhere (a link, Back) gives the box and the list its search.
    await act(() => router.navigate('/?q=hostile'));
    expect((box as HTMLInputElement).value).toBe('hostile');
    await waitFor(() => expect(rowIds()).toEqual(['5']));
  });

  it('says, for a search that finds nothing, what it looks through and how to clear it', async () => {
    renderApp('/?q=zzzqqq');
    expect(await screen.findByText('Nothing matches “zzzqqq”')).toBeTruthy();
    expect(screen.getByText(/Try fewer or other words, or press Esc to clear it/)).toBeTruthy();
    expect(screen.queryByText(/Remove a filter above/)).toBeNull();
  });

  it.each([
    [1, '1 notification could not be shown'],
    [2, '2 notifications could not be shown'],
  ])(
    'shows the rest of the list and a quiet note for %i record(s) it cannot read',
    async (count, note) => {
      mockState.unreadableRecords = count;
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      renderApp('/');
      await waitFor(() => expect(rows()).toHaveLength(4));
      expect((await screen.findByRole('note')).textContent).toBe(note);
      expect(screen.queryByText('Could not load notifications')).toBeNull();
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
    },
  );

  it('shows an error state with retry for a malformed response', async () => {
    mockState.malformedList = true;
    const user = userEvent.setup();
    renderApp('/');
    expect(await screen.findByText('Could not load notifications')).toBeTruthy();
    expect(
      screen.getByText(/The server sent an unexpected response/).closest('[role="alert"]'),
    ).toBeTruthy();
    mockState.malformedList = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
  });
});

describe('one-click actions', () => {
  it('dismiss removes the row before the server answers, and the server agrees', async () => {
    mockState.patchDelayMs = 300;
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(await screen.findByRole('button', { name: /^Dismiss: .*Task 1/ }));
    expect(rowIds()).toEqual(['2', '3', '5']);
    expect(mockState.notifications[0]?.dismissed).toBe(false);
    await waitFor(() => expect(mockState.notifications[0]?.dismissed).toBe(true));
    expect(screen.getByText('3 notifications')).toBeTruthy();
  });

  it('mark as read drops the unread marker at once', async () => {
    mockState.patchDelayMs = 300;
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(await screen.findByRole('button', { name: /^Mark as read: .*Task 1/ }));
    expect(rows()[0]?.dataset.read).toBe('true');
    await waitFor(() => expect(mockState.notifications[0]?.read).toBe(true));
  });

  it('restore moves a row out of Dismissed', async () => {
    const user = userEvent.setup();
    renderApp('/dismissed');
    await waitFor(() => expect(rowIds()).toEqual(['4']));
    await user.click(await screen.findByRole('button', { name: /^Restore: / }));
    expect(rows()).toHaveLength(0);
    await waitFor(() => expect(mockState.notifications[3]?.dismissed).toBe(false));
  });

  it('a burst of actions refetches the list once, after the last one settles', async () => {
    // Long enough that the three clicks are one burst even on a loaded machine (a click can take 300 ms here).
    mockState.patchDelayMs = 1500;
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    const listRequests: string[] = [];
    apiMock.events.on('request:start', ({ request }) => {
      if (
        request.method === 'GET' &&
        request.url.includes('/notifications?') &&
        !request.url.includes('after')
      )
        listRequests.push(request.url);
    });
    for (let click = 0; click < 3; click++) {
      await user.click(
        (await screen.findAllByRole('button', { name: /^Dismiss: / }))[0] as HTMLElement,
      );
    }
    await waitFor(
      () => expect(mockState.notifications.filter((item) => item.dismissed)).toHaveLength(4),
      { timeout: 5000 },
    );
    await waitFor(() => expect(listRequests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listRequests).toHaveLength(1);
    expect(rowIds()).toEqual(['5']);
    apiMock.events.removeAllListeners();
  });

  it('rolls back and says what failed when the server refuses, with a retry that works', async () => {
    mockState.failPatchWith = 500;
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(await screen.findByRole('button', { name: /^Dismiss: .*Task 1/ }));
    const alert = await screen.findByText(/Could not dismiss “Task 1”: The server broke/);
    expect(rowIds()).toEqual(['1', '2', '3', '5']);
    mockState.failPatchWith = null;
    await user.click(
      within(alert.parentElement as HTMLElement).getByRole('button', { name: 'Retry' }),
    );
    await waitFor(() => expect(rowIds()).toEqual(['2', '3', '5']));
    expect(mockState.notifications[0]?.dismissed).toBe(true);
  });
});

describe('undo', () => {
  it('undoing a dismiss restores the row, on screen and on the server', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(await screen.findByRole('button', { name: /^Dismiss: .*Task 1/ }));
    await waitFor(() => expect(mockState.notifications[0]?.dismissed).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowIds()).toEqual(['1', '2', '3', '5']));
    await waitFor(() => expect(mockState.notifications[0]?.dismissed).toBe(false));
  });

  it('undoing a read within the window never sends it: the API cannot mark unread', async () => {
    setReadHoldMs(60_000);
    const patches: string[] = [];
    apiMock.events.on('request:start', ({ request }) => {
      if (request.method === 'PATCH') patches.push(request.url);
    });
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(await screen.findByRole('button', { name: /^Mark as read: .*Task 1/ }));
    expect(rows()[0]?.dataset.read).toBe('true');
    await user.keyboard('z');
    await waitFor(() => expect(rows()[0]?.dataset.read).toBe('false'));
    expect(screen.getByText(/unread again/)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(patches).toEqual([]);
    expect(mockState.notifications[0]?.read).toBe(false);
    apiMock.events.removeAllListeners();
  });
});
