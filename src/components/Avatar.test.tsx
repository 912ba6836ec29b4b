// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar, initialsOf, nameHash, safeImageUrl } from './Avatar.tsx';

describe('Avatar', () => {
  it('takes the initials of the first and last word, in any script', () => {
    expect(initialsOf('Ana Kovač')).toBe('AK');
    expect(initialsOf('  maja  van der wright ')).toBe('MW');
    expect(initialsOf('Đuro')).toBe('Đ');
    expect(initialsOf('')).toBe('?');
  });

  it('gives the same name the same colour, and different names different ones', () => {
    expect(nameHash('Ana Kovač')).toBe(nameHash('Ana Kovač'));
    const colours = new Set(['Ana', 'Borna', 'Dora', 'Hana', 'Luka', 'Maja'].map(nameHash));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('loads a picture only from http or https, without a referrer', () => {
    expect(safeImageUrl('javascript:alert(1)')).toBeNull();
    expect(safeImageUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(safeImageUrl('not a url')).toBeNull();
    expect(safeImageUrl('https://cdn.example/a.png')).toBe('https://cdn.example/a.png');

    const { container, rerender } = render(
      <Avatar name="Ana Kovač" url="https://cdn.example/a.png" />,
    );
    const image = container.querySelector('img');
    expect(image?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(image?.getAttribute('alt')).toBe('');

    rerender(<Avatar name="Ana Kovač" url="javascript:alert(1)" />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('AK')).toBeTruthy();
  });
});
