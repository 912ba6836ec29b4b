// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setRequestScope } from '../../../api/http.ts';
import { READ_ONLY_MESSAGE } from '../../../api/write-access.ts';
import { apiMock, resolveRelativeFetch } from '../../../testing/api-mock.ts';
import { renderApp } from '../../../testing/render.tsx';

const person = (id: string, first: string, last: string, archived = false) => ({
  id,
  type: 'people',
  attributes: {
    first_name: first,
    last_name: last,
    avatar_url: null,
    deactivated_at: null,
    archived_at: archived ? '2026-01-01T00:00:00Z' : null,
  },
  relationships: {},
});

let posted: unknown[] = [];
let activityLists = 0;
let answerWith: number[] = [];
/** While set, the server holds its answer to a POST until it resolves. */
let hold: Promise<void> | null = null;

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
  Element.prototype.scrollIntoView = () => {};
});
beforeEach(() => {
  setRequestScope('demo:1');
  localStorage.clear();
  posted = [];
  activityLists = 0;
  answerWith = [];
  hold = null;
  apiMock.use(
    http.get('*/api/v2/people', () =>
      HttpResponse.json({
        data: [
          person('1', 'Ana', 'Kovač'),
          person('3', 'Ivana', 'Anić'),
          person('4', 'Andrej', 'Old', true),
          person('5', 'Zoran', 'Banana'),
        ],
        links: {},
        meta: {},
      }),
    ),
    http.post('*/api/v2/comments', async ({ request }) => {
      posted.push(await request.json());
      await hold;
      const status = answerWith.shift() ?? 201;
      if (status !== 201)
        return HttpResponse.json(
          { errors: [{ status: String(status), title: 'Refused', detail: 'Body is invalid' }] },
          { status },
        );
      return HttpResponse.json(
        { data: { id: '77', type: 'comments', attributes: { body: 'x' }, relationships: {} } },
        { status: 201 },
      );
    }),
    http.get('*/api/v2/activities', () => {
      activityLists++;
    }),
  );
});
afterEach(() => {
  // A new scope: the next token may write again.
  setRequestScope(null);
  cleanup();
  apiMock.resetHandlers();
});
afterAll(() => apiMock.close());

const composer = () => screen.getByRole('textbox', { name: 'Write a comment' });
const pending = () => screen.queryAllByTestId('pending-reply');

async function openTask() {
  const user = userEvent.setup();
  const view = renderApp('/tasks/12');
  await waitFor(() => expect(screen.getAllByTestId('activity-entry')).toHaveLength(3));
  return { user, ...view };
}

describe('the reply composer', () => {
  it('with a read-only token: the refused reply keeps its text with the reason, and Send is off', async () => {
    answerWith = [403];
    const { user } = await openTask();
    await user.click(composer());
    await user.keyboard('Hello there{Control>}{Enter}{/Control}');
    await waitFor(() => expect(pending()).toHaveLength(1));
    expect(
      await within(pending()[0] as HTMLElement).findByText(
        new RegExp(`Not sent: ${READ_ONLY_MESSAGE.slice(0, 40)}`),
      ),
    ).toBeTruthy();
    expect(screen.getAllByText(READ_ONLY_MESSAGE).length).toBeGreaterThan(0);
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send.matches(':disabled')).toBe(true);
    expect(send.closest('fieldset')?.title).toBe(READ_ONLY_MESSAGE);
    await user.click(composer());
    await user.keyboard('Again{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
        READ_ONLY_MESSAGE,
      ),
    );
    expect(posted).toHaveLength(1);
  });

  it('offers matching people after @, moves with ↑/↓, picks with Enter, and Esc closes only the list', async () => {
    const { user } = await openTask();
    await user.click(composer());
    await user.keyboard('Hi @an');
    const list = await screen.findByRole('listbox', { name: 'People to mention' });
    const names = within(list)
      .getAllByRole('option')
      .map((option) => option.textContent);
    // Archived people are not offered; the name starting with it comes first.
    expect(names).toEqual(['Ana Kovač', 'Ivana Anić', 'Zoran Banana']);
    const active = () =>
      document.getElementById(composer().getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(composer().getAttribute('aria-controls')).toBe(list.id);
    expect(active()).toBe('Ana Kovač');
    await user.keyboard('{ArrowDown}');
    expect(active()).toBe('Ivana Anić');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(active()).toBe('Zoran Banana');
    await user.keyboard('{ArrowDown}{Enter}');
    expect((composer() as HTMLTextAreaElement).value).toBe('Hi @Ana Kovač ');
    expect(screen.queryByRole('listbox')).toBeNull();

    await user.keyboard('and @zo');
    expect(await screen.findByRole('listbox')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(composer());
    await user.keyboard('{Backspace}o{Tab}');
    // Closed for that @: Tab left the text area instead of picking.
    expect((composer() as HTMLTextAreaElement).value).toBe('Hi @Ana Kovač and @zo');
  });

  it('sends on Ctrl+Enter as comment markup with the mention, shows it at once, then refetches the feed', async () => {
    const { user } = await openTask();
    await user.click(composer());
    await user.keyboard('Hi @iva{Tab}<b>see</b>{Shift>}{Enter}{/Shift}line two');
    const listsBefore = activityLists;
    let answer = () => {};
    hold = new Promise((resolve) => (answer = resolve));
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(pending()).toHaveLength(1);
    expect(pending()[0]?.textContent).toContain('Sending…');
    expect(pending()[0]?.textContent).toContain('@Ivana Anić <b>see</b>');
    expect((composer() as HTMLTextAreaElement).value).toBe('');
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      data: {
        type: 'comments',
        attributes: { body: '<p>Hi @[Person:3:Ivana Anić] &lt;b&gt;see&lt;/b&gt;<br>line two</p>' },
        relationships: { task: { data: { type: 'tasks', id: '12' } } },
      },
    });
    const reply = screen.getByRole('region', { name: 'Reply' });
    expect(within(reply).getByRole('status').textContent).toBe('Sending the reply…');
    answer();
    await waitFor(() => expect(pending()).toHaveLength(0));
    expect(within(reply).getByRole('status').textContent).toBe('Reply sent.');
    expect(activityLists).toBe(listsBefore + 1);
    expect(localStorage.getItem('inbox.actions:unscoped')).toBeNull();
  });

  it('keeps a refused reply with the reason and Retry, and sends it again', async () => {
    answerWith = [422];
    const { user } = await openTask();
    await user.type(composer(), 'Please check');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Not sent: Body is invalid')).toBeTruthy();
    expect(pending()[0]?.textContent).toContain('Please check');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(pending()).toHaveLength(0));
    expect(posted).toHaveLength(2);
  });

  it('takes a refused reply back into the composer with Edit', async () => {
    answerWith = [500];
    const { user } = await openTask();
    await user.type(composer(), 'First try');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(pending()).toHaveLength(0);
    expect((composer() as HTMLTextAreaElement).value).toBe('First try');
    expect(document.activeElement).toBe(composer());
  });

  it('keeps the draft per item across a new render, says why an empty reply is not sent, and Esc leaves', async () => {
    const { user, unmount } = await openTask();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const reply = screen.getByRole('region', { name: 'Reply' });
    expect(within(reply).getByRole('alert').textContent).toBe('Write something to send.');
    await user.type(composer(), 'Half written');
    unmount();
    await openTask();
    expect((composer() as HTMLTextAreaElement).value).toBe('Half written');
    composer().focus();
    await userEvent.setup().keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('list', { name: 'Activity' }));
    expect(posted).toHaveLength(0);
  });
});
