// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { ToastProvider, useToast, type Toast } from './toasts.tsx';

function Show({ toasts }: { toasts: Omit<Toast, 'id'>[] }) {
  const show = useToast();
  useEffect(() => toasts.forEach(show), [show, toasts]);
  return null;
}

describe('toasts', () => {
  it('announce in live regions that exist before any toast, one at a time: the newest replaces the shown one', () => {
    const { rerender } = render(
      <ToastProvider>
        <Show toasts={[]} />
      </ToastProvider>,
    );
    const status = screen.getByRole('status');
    const alert = screen.getByRole('alert');
    expect(status.textContent).toBe('');
    const burst = Array.from({ length: 5 }, (_, i) => ({
      tone: 'info' as const,
      message: `Dismissed ${i + 1}`,
    }));
    act(() =>
      rerender(
        <ToastProvider>
          <Show toasts={burst} />
        </ToastProvider>,
      ),
    );
    expect(screen.getAllByTestId('toast').map((toast) => toast.textContent)).toEqual([
      'Dismissed 5',
    ]);
    // A failure takes the place of the "Done · Undo": never both at once.
    act(() =>
      rerender(
        <ToastProvider>
          <Show
            toasts={[
              { tone: 'info', message: 'Dismissed “A”' },
              { tone: 'error', message: 'Could not dismiss “A”: Boom' },
            ]}
          />
        </ToastProvider>,
      ),
    );
    expect(screen.getAllByTestId('toast')).toHaveLength(1);
    expect(alert.textContent).toContain('Could not dismiss “A”: Boom');
    expect(status.textContent).toBe('');
  });
});
