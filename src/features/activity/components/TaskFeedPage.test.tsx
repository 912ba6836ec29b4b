// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiMock, mockState, resolveRelativeFetch } from '../../../testing/api-mock.ts';
import { location, renderApp } from '../../../testing/render.tsx';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
  Element.prototype.scrollIntoView = () => {};
});
afterAll(() => apiMock.close());

const entries = () => screen.queryAllByTestId('activity-entry');

describe('the task feed', () => {
  it('shows the task and its activity as readable entries, marking what is new', async () => {
    const { container } = renderApp('/tasks/12?notification=5&unread=2');
    expect(
      await screen.findByRole('heading', { name: /#12\s*Fix the login/ }, { timeout: 5000 }),
    ).toBeTruthy();
    await waitFor(() => expect(entries()).toHaveLength(3));
    expect(entries().map((entry) => entry.dataset.new)).toEqual(['true', 'true', 'false']);
    expect(screen.getByText('commented')).toBeTruthy();
    expect(screen.getByText('@Ana Kovač')).toBeTruthy();
    expect(screen.getByText('Status:')).toBeTruthy();
    expect(screen.getByText('Open')).toBeTruthy();
    expect(screen.getByText('Closed')).toBeTruthy();
    expect(screen.getByText('Dec 12')).toBeTruthy();
    expect(screen.getByText('did “archive” on the task')).toBeTruthy();
    expect(container.querySelector('img, a[href^="javascript"]')).toBeNull();
  });

  it('shows the activity it can read and a quiet note for what it cannot', async () => {
    mockState.unreadableActivities = 1;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderApp('/tasks/12');
    await waitFor(() => expect(entries()).toHaveLength(3));
    expect((await screen.findByRole('note')).textContent).toBe('1 activity could not be shown');
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    mockState.unreadableActivities = 0;
  });

  it('filters by kind through the URL', async () => {
    const user = userEvent.setup();
    renderApp('/tasks/12');
    await waitFor(() => expect(entries()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Changes' }));
    await waitFor(() => expect(entries()).toHaveLength(2));
    expect(location.current).toBe('/tasks/12?kind=changes');
    expect(screen.getByRole('button', { name: 'Changes' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('shows a not-found page for a missing task', async () => {
    renderApp('/tasks/404');
    expect(
      await screen.findByRole('heading', { name: 'This task was not found' }, { timeout: 5000 }),
    ).toBeTruthy();
  });
});
