import { describe, expect, it } from 'vitest';
import type { QuietHours } from './alert-settings.ts';
import { isQuietAt, minuteOfDay } from './quiet-hours.ts';

const quiet = (change: Partial<QuietHours> = {}): QuietHours => ({
  on: true,
  from: '22:00',
  to: '08:00',
  timeZone: 'UTC',
  ...change,
});
const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('span midnight when they end earlier than they start: from included, to excluded', () => {
    expect(isQuietAt(quiet(), at('2030-01-01T21:59:00Z'))).toBe(false);
    expect(isQuietAt(quiet(), at('2030-01-01T22:00:00Z'))).toBe(true);
    expect(isQuietAt(quiet(), at('2030-01-02T03:00:00Z'))).toBe(true);
    expect(isQuietAt(quiet(), at('2030-01-02T07:59:00Z'))).toBe(true);
    expect(isQuietAt(quiet(), at('2030-01-02T08:00:00Z'))).toBe(false);
  });

  it('within one day', () => {
    const lunch = quiet({ from: '12:00', to: '13:30' });
    expect(isQuietAt(lunch, at('2030-01-01T11:59:00Z'))).toBe(false);
    expect(isQuietAt(lunch, at('2030-01-01T13:29:00Z'))).toBe(true);
    expect(isQuietAt(lunch, at('2030-01-01T13:30:00Z'))).toBe(false);
  });

  it('are read on the wall clock of the person’s time zone', () => {
    // 21:30 UTC is 22:30 in Zagreb (winter, UTC+1) and 16:30 in New York (UTC-5).
    expect(minuteOfDay(at('2030-01-01T21:30:00Z'), 'Europe/Zagreb')).toBe(22 * 60 + 30);
    expect(isQuietAt(quiet({ timeZone: 'Europe/Zagreb' }), at('2030-01-01T21:30:00Z'))).toBe(true);
    expect(isQuietAt(quiet({ timeZone: 'America/New_York' }), at('2030-01-01T21:30:00Z'))).toBe(
      false,
    );
  });

  it('hold nothing when off or when both ends are equal', () => {
    expect(isQuietAt(quiet({ on: false }), at('2030-01-01T23:00:00Z'))).toBe(false);
    expect(isQuietAt(quiet({ from: '09:00', to: '09:00' }), at('2030-01-01T09:00:00Z'))).toBe(
      false,
    );
  });
});
