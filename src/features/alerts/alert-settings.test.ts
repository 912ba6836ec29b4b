import { describe, expect, it } from 'vitest';
import { defaultAlertSettings, parseAlertSettings } from './alert-settings.ts';

describe('desktop notification settings', () => {
  it('are off by default, and anything unreadable falls back to the defaults', () => {
    const defaults = defaultAlertSettings();
    expect(defaults.mode).toBe('off');
    expect(defaults.quietHours.on).toBe(false);
    for (const raw of [null, '', 'not json', '[]', '"all"', '{"mode":"loud"}'])
      expect(parseAlertSettings(raw)).toEqual(defaults);
  });

  it('read what was stored, field by field', () => {
    const stored = {
      mode: 'important',
      quietHours: { on: true, from: '21:30', to: '07:15', timeZone: 'Europe/Zagreb' },
    };
    expect(parseAlertSettings(JSON.stringify(stored))).toEqual(stored);
    const broken = parseAlertSettings(
      JSON.stringify({
        mode: 'all',
        quietHours: { on: 'yes', from: '25:00', to: '7:15', timeZone: 'Mars/Olympus' },
      }),
    );
    expect(broken).toEqual({ ...defaultAlertSettings(), mode: 'all' });
  });
});
