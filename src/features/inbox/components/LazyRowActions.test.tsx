// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RowActionsProps } from './RowActions.tsx';

// The buttons' code: the first download fails (the server went away right after the page loaded), the next works.
const downloads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./RowActions.tsx', () => {
  downloads.count++;
  if (downloads.count === 1) throw new Error('Failed to fetch dynamically imported module');
  return {
    RowActions: ({ title }: RowActionsProps) => <button type="button">Dismiss: {title}</button>,
  };
});

const { LazyRowActions } = await import('./LazyRowActions.tsx');

const props = (title: string) => ({
  ids: ['1'],
  title,
  unread: true,
  inDismissedView: false,
  actions: {} as RowActionsProps['actions'],
  snoozeRequest: 0,
});

describe('a row’s buttons, loaded after the first rows', () => {
  it('are left out, not an error, while their code cannot be downloaded, and come when it can', async () => {
    // The module's own first download (as the first rows render) has failed by now.
    await waitFor(() => expect(downloads.count).toBe(1));
    // A row renders: it tries again, and the buttons come.
    render(<LazyRowActions {...props('Budget review')} />);
    expect(await screen.findByRole('button', { name: 'Dismiss: Budget review' })).toBeTruthy();
    expect(downloads.count).toBe(2);
  });
});
