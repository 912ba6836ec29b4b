// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { ToastProvider, useToast, type Toast } from './toasts.tsx';

function Show({ toasts }: { toasts: Omit<Toast, 'id'>[] }) {
  const show = useToast();
  useEffect(() => toasts.forEach(show), [show, toasts]);
  return null;
}

describe('toasts', () => {
  it('announce in live regions that exist before any toast, and a burst of infos never pushes out an error', () => {
    const burst = (from: number) =>
      Array.from({ length: 5 }, (_, i) => ({
        tone: 'info' as const,
        message: `Dismissed ${from + i}`,
      }));
    const toasts = [
      ...burst(1),
      { tone: 'error' as const, message: 'Could not dismiss “A”: Boom' },
      ...burst(6),
    ];
    const { rerender } = render(
      <ToastProvider>
        <Show toasts={[]} />
      </ToastProvider>,
    );
    const status = screen.getByRole('status');
    const alert = screen.getByRole('alert');
    expect(status.textContent).toBe('');
    act(() =>
      rerender(
        <ToastProvider>
          <Show toasts={toasts} />
        </ToastProvider>,
      ),
    );
    expect(within(alert).getByText('Could not dismiss “A”: Boom')).toBeTruthy();
    expect(
      within(status)
        .getAllByText(/^Dismissed/)
        .map((toast) => toast.textContent),
    ).toEqual(['Dismissed 8', 'Dismissed 9', 'Dismissed 10']);
  });
});
