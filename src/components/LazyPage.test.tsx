// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './LazyPage.tsx';

const never = () => new Promise<() => null>(() => {});

describe('lazyPage while its code downloads', () => {
  it('shows nothing for a part whose fallback is null (a "Loading…" block there moved the page)', () => {
    const Part = lazyPage(never, { part: true, fallback: null });
    const { container } = render(<Part />);
    expect(container.textContent).toBe('');
  });

  it('says it is loading when no fallback is given', () => {
    const Part = lazyPage(never, { part: true });
    render(<Part />);
    expect(screen.getByText('Loading…')).toBeTruthy();
  });
});
