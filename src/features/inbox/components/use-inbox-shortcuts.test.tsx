// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useInboxShortcuts, type ShortcutHandlers } from './use-inbox-shortcuts.ts';

const handlers = () =>
  Object.fromEntries(
    [
      'move',
      'open',
      'dismiss',
      'restore',
      'read',
      'toggle',
      'range',
      'selectAll',
      'clear',
      'focusFilters',
      'goInbox',
      'help',
      'focusSearch',
      'undo',
      'enterPane',
      'leavePane',
    ].map((name) => [name, vi.fn()]),
  ) as unknown as Record<keyof ShortcutHandlers, ReturnType<typeof vi.fn>>;

const press = (key: string, target: Element = document.body, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the inbox’s keyboard', () => {
  it('maps each key to its action', () => {
    const h = handlers();
    renderHook(() => useInboxShortcuts(h as unknown as ShortcutHandlers));
    press('j');
    press('k');
    expect(h.move.mock.calls).toEqual([[1], [-1]]);
    for (const [key, name] of [
      ['o', 'open'],
      ['e', 'dismiss'],
      ['E', 'restore'],
      ['I', 'read'],
      ['x', 'toggle'],
      ['X', 'range'],
      ['*', 'selectAll'],
      ['Escape', 'clear'],
      ['/', 'focusSearch'],
      ['f', 'focusFilters'],
      ['?', 'help'],
      ['z', 'undo'],
    ] as const) {
      press(key);
      expect(h[name], key).toHaveBeenCalledTimes(1);
    }
    press('z', document.body, { ctrlKey: true });
    expect(h.undo).toHaveBeenCalledTimes(2);
    press('g');
    press('i');
    expect(h.goInbox).toHaveBeenCalledTimes(1);
  });

  it('never fires while typing in a field', () => {
    const h = handlers();
    renderHook(() => useInboxShortcuts(h as unknown as ShortcutHandlers));
    const field = document.createElement('textarea');
    document.body.append(field);
    press('e', field);
    press('j', field);
    expect(h.dismiss).not.toHaveBeenCalled();
    expect(h.move).not.toHaveBeenCalled();
  });

  it('→ goes into the pane from a row only, ← back from the pane itself only', () => {
    const h = handlers();
    renderHook(() => useInboxShortcuts(h as unknown as ShortcutHandlers));
    const row = document.createElement('article');
    row.dataset.notificationId = '1';
    const radio = document.createElement('input');
    radio.type = 'radio';
    const paneBody = document.createElement('div');
    paneBody.dataset.readingPaneBody = '';
    document.body.append(row, radio, paneBody);
    press('ArrowRight', radio);
    press('ArrowLeft', radio);
    expect(h.enterPane).not.toHaveBeenCalled();
    expect(h.leavePane).not.toHaveBeenCalled();
    press('ArrowRight', row);
    press('ArrowLeft', paneBody);
    expect(h.enterPane).toHaveBeenCalledTimes(1);
    expect(h.leavePane).toHaveBeenCalledTimes(1);
  });
});
