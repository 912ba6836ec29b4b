// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function Broken({ fail }: { fail: boolean }) {
  if (fail) throw new Error('Cannot read properties of undefined');
  return <p>Fine again</p>;
}

describe('ErrorBoundary', () => {
  it('shows what failed with a way on instead of a blank page, and clears on a new page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender } = render(
      <ErrorBoundary resetKey="/tasks/1">
        <Broken fail />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong on this page' })).toBeTruthy();
    expect(screen.getByText('Cannot read properties of undefined')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the inbox' }).getAttribute('href')).toBe('/');

    rerender(
      <ErrorBoundary resetKey="/">
        <Broken fail={false} />
      </ErrorBoundary>,
    );
    expect(screen.getByText('Fine again')).toBeTruthy();
  });

  it('asks for a reload when a page’s code could not be fetched', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Lazy(): never {
      throw new TypeError('Failed to fetch dynamically imported module: /assets/TaskFeedPage.js');
    }
    render(
      <ErrorBoundary resetKey="/tasks/1">
        <Lazy />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'This page could not be loaded' })).toBeTruthy();
  });
});
