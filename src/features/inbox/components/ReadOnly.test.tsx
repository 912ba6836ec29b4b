// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setRequestScope } from '../../../api/http.ts';
import { dropWaitingWrites } from '../../../outbox/drop-waiting.ts';
import { enqueue as enqueueEntry, loadEntries } from '../../../outbox/store.ts';
import { READ_ONLY_MESSAGE } from '../../../api/write-access.ts';
import {
  apiMock,
  mockNotification,
  mockState,
  resetMockState,
  resolveRelativeFetch,
} from '../../../testing/api-mock.ts';
import { renderApp } from '../../../testing/render.tsx';
import { enqueueAction, queuedActions, setReadHoldMs } from '../api/queued-actions.ts';

const patches: string[] = [];
beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
  apiMock.events.on('request:start', ({ request }) => {
    if (request.method === 'PATCH') patches.push(new URL(request.url).pathname);
  });
});
afterAll(() => apiMock.close());
beforeEach(() => {
  setReadHoldMs(0);
  patches.length = 0;
  localStorage.clear();
  resetMockState([1, 2, 3].map((id) => mockNotification(id)));
  setRequestScope('demo:1');
});
// A new scope: the next token may write again.
afterEach(() => setRequestScope(null));

const rowIds = () =>
  screen.queryAllByTestId('notification-row').map((row) => row.dataset.notificationId);

describe('a read-only token', () => {
  it('says once that it can only read, rolls the action back and turns the actions off', async () => {
    mockState.failPatchWith = 403;
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(rowIds()).toEqual(['1', '2', '3']));
    await user.click(await screen.findByRole('button', { name: /^Dismiss: .*Task 1/ }));
    expect(await screen.findByText(READ_ONLY_MESSAGE)).toBeTruthy();
    await waitFor(() => expect(rowIds()).toEqual(['1', '2', '3']));
    expect(screen.getAllByText(READ_ONLY_MESSAGE)).toHaveLength(1);
    expect(screen.queryByText(/Could not dismiss/)).toBeNull();
    // Nothing was dismissed: no "Dismissed · Undo" is left to claim it.
    await waitFor(() => expect(screen.queryByText(/^Dismissed “/)).toBeNull());
    // Off, with the reason on hover and as the description.
    const dismiss = await screen.findByRole('button', { name: /^Dismiss: .*Task 2/ });
    expect(dismiss.matches(':disabled')).toBe(true);
    const group = dismiss.closest('fieldset');
    expect(group?.title).toBe(READ_ONLY_MESSAGE);
    expect(
      document.getElementById(group?.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe(READ_ONLY_MESSAGE);
    // Nothing else is sent: not by a click, not by a key.
    await user.click(dismiss);
    screen
      .getByRole('button', { name: /^Dismiss: .*Task 2/ })
      .closest('article')
      ?.focus();
    await user.keyboard('e');
    expect(patches).toEqual(['/api/v2/notifications/1/dismiss']);
    expect(rowIds()).toEqual(['1', '2', '3']);
    expect(screen.getAllByText(READ_ONLY_MESSAGE)).toHaveLength(1);
  });

  it('drops the writes still waiting, with that reason', () => {
    enqueueAction(['1'], 'dismiss');
    enqueueAction(['2'], 'read');
    enqueueEntry('reply', { target: { kind: 'task', id: 3 }, text: 'Hello', mentions: [] });
    expect(dropWaitingWrites(READ_ONLY_MESSAGE)).toBe(3);
    expect(queuedActions()).toEqual([]);
    expect(
      loadEntries()
        .filter((entry) => entry.kind === 'reply')
        .map((reply) => [(reply.payload as { text: string }).text, reply.failure]),
    ).toEqual([['Hello', READ_ONLY_MESSAGE]]);
  });
});
