import { describe, expect, it } from 'vitest';
import { formatRelative } from './RelativeTime.tsx';

const at = (text: string) => new Date(text).getTime();
const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' });

describe('relative times', () => {
  it('count whole days on the calendar, like the day headings, in the one long style', () => {
    const now = at('2026-11-25T04:00:00');
    expect(formatRelative(new Date('2026-11-23T17:12:00'), now)).toBe(words.format(-2, 'day'));
    expect(formatRelative(new Date('2026-11-24T03:00:00'), now)).toBe(words.format(-1, 'day'));
    expect(formatRelative(new Date('2026-11-24T23:00:00'), now)).toBe(words.format(-5, 'hour'));
    expect(formatRelative(new Date('2026-11-25T03:59:50'), now)).toBe('just now');
  });
});
