// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmailBody } from './EmailBody.tsx';

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

  it('shows nothing for an empty body', () => {
    const { container } = render(<EmailBody body="  " />);
    expect(container.textContent).toBe('');
  });
});
