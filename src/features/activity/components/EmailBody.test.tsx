// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as HtmlFragment from '../../../lib/markup/html-fragment.ts';
import { EmailBody } from './EmailBody.tsx';

// Counts every parse, wherever it is asked for (EmailBody or the renderer).
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../lib/markup/html-fragment.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof HtmlFragment>();
  return {
    ...actual,
    parseFragment: (markup: string) => {
      parses.count++;
      return actual.parseFragment(markup);
    },
  };
});

describe('an email body', () => {
  it('is readable markup, with nothing active carried over', () => {
    const { container } = render(
      <EmailBody body='<p>Hi <b>team</b>,</p><script>alert(1)</script><p onclick="x()">See <a href="javascript:alert(1)">this</a> and <a href="https://example.com/x">that</a></p><img src=x onerror=alert(1)>' />,
    );
    expect(container.querySelectorAll('p')).toHaveLength(2);
    expect(screen.getByText('team').className).toContain('font-semibold');
    expect(container.querySelector('script, img, [onclick]')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByRole('link', { name: 'that' }).getAttribute('href')).toBe(
      'https://example.com/x',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('opens collapsed when long, with a button for the rest', () => {
    const long = `<p>${'A long line of an email. '.repeat(40)}</p>`;
    render(<EmailBody body={long} />);
    const body = screen.getByTestId('email-body');
    expect(body.className).toContain('line-clamp-4');
    const more = screen.getByRole('button', { name: 'Show the whole email' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(body.className).not.toContain('line-clamp-4');
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('parses its body once, and again only when the body changes', () => {
    parses.count = 0;
    const long = `<p>${'A long line of an email. '.repeat(40)}</p>`;
    const { rerender } = render(<EmailBody body={long} />);
    expect(parses.count).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show the whole email' }));
    expect(parses.count).toBe(1);
    rerender(<EmailBody body="<p>Another</p>" />);
    expect(parses.count).toBe(2);
    expect(screen.getByTestId('email-body').textContent).toBe('Another');
  });

  it('keeps a plain-text email’s line breaks and blank lines; markup decides its own', () => {
    render(<EmailBody body={'Hi team,\n\nBlocked on the API.\n\nBest,\nLuka'} />);
    const plain = screen.getByTestId('email-body');
    expect(plain.className).toContain('whitespace-pre-line');
    expect(plain.textContent).toBe('Hi team,\n\nBlocked on the API.\n\nBest,\nLuka');
    const { getAllByTestId } = render(<EmailBody body="<p>Hi</p>\n<p>there</p>" />);
    expect(getAllByTestId('email-body')[1]?.className).not.toContain('whitespace-pre-line');
  });

  it('shows nothing for an empty body', () => {
    const { container } = render(<EmailBody body="  " />);
    expect(container.textContent).toBe('');
  });
});
