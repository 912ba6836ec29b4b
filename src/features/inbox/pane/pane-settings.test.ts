import { describe, expect, it } from 'vitest';
import { clampPaneWidth, parsePaneSettings, PANE_WIDTH } from './pane-settings.ts';

describe('the reading pane’s settings', () => {
  it('reads what was stored, and falls back to the defaults for anything else', () => {
    expect(parsePaneSettings('{"width":640,"afterDismiss":"previous"}')).toEqual({
      width: 640,
      afterDismiss: 'previous',
    });
    for (const raw of [null, '', 'not json', '[]', '{"width":"wide","afterDismiss":"up"}'])
      expect(parsePaneSettings(raw)).toEqual({
        width: PANE_WIDTH.default,
        afterDismiss: 'next',
      });
  });

  it('keeps the width within its bounds and the window’s', () => {
    expect(parsePaneSettings('{"width":5}').width).toBe(PANE_WIDTH.min);
    expect(parsePaneSettings('{"width":99999}').width).toBe(PANE_WIDTH.max);
    expect(clampPaneWidth(700, 500)).toBe(500);
    // A window too small for the pane's minimum still gets the minimum.
    expect(clampPaneWidth(700, 100)).toBe(PANE_WIDTH.min);
  });
});

describe('the after-dismiss setting as the list reads it', () => {
  it('is what the pane stored, under the same key', async () => {
    const { readAfterDismiss } = await import('./after-dismiss.ts');
    const { PANE_SETTINGS_KEY } = await import('./pane-settings.ts');
    const stored = new Map<string, string>();
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: {
        getItem: (key: string) => stored.get(key) ?? null,
        setItem: (key: string, value: string) => stored.set(key, value),
      },
    });
    expect(readAfterDismiss()).toBe('next');
    stored.set(PANE_SETTINGS_KEY, JSON.stringify({ width: 500, afterDismiss: 'previous' }));
    expect(readAfterDismiss()).toBe('previous');
    stored.set(PANE_SETTINGS_KEY, 'not json');
    expect(readAfterDismiss()).toBe('next');
  });
});
