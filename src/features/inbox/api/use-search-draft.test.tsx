// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSearchDraft } from './use-search-draft.ts';

/** The hook over a fake address: what it wrote, and a way to change the address as Back or a link would. */
function setup(initial = '') {
  const writes: string[] = [];
  const hook = renderHook(
    ({ address }: { address: string }) =>
      useSearchDraft(address, (search) => writes.push(search), 300),
    { initialProps: { address: initial } },
  );
  return { hook, writes, text: () => hook.result.current[0] };
}

describe('useSearchDraft', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts from the address', () => {
    expect(setup('login').text()).toBe('login');
  });

  it('gives each keystroke at once and writes the address once typing pauses', () => {
    const { hook, writes, text } = setup();
    for (const typed of ['l', 'lo', 'log']) {
      act(() => hook.result.current[1](typed));
      expect(text()).toBe(typed);
      act(() => vi.advanceTimersByTime(100));
    }
    expect(writes).toEqual([]);
    act(() => vi.advanceTimersByTime(300));
    expect(writes).toEqual(['log']);
  });

  it('keeps what was typed after its own write when that address arrives', () => {
    const { hook, writes, text } = setup();
    act(() => hook.result.current[1]('log'));
    act(() => vi.advanceTimersByTime(300));
    expect(writes).toEqual(['log']);
    // A letter typed while the navigation was on its way, then the address it wrote arrives.
    act(() => hook.result.current[1]('logi'));
    hook.rerender({ address: 'log' });
    expect(text()).toBe('logi');
    act(() => vi.advanceTimersByTime(300));
    expect(writes).toEqual(['log', 'logi']);
  });

  it('takes a search the address gets from elsewhere (Back, a link), and writes nothing over it', () => {
    const { hook, writes, text } = setup('invoice');
    act(() => hook.result.current[1]('invoice d'));
    // Back, before the pause: the address's search wins.
    hook.rerender({ address: '' });
    expect(text()).toBe('');
    act(() => vi.advanceTimersByTime(1000));
    expect(writes).toEqual([]);
    // Forward to a search this hook once wrote is still a search from elsewhere.
    hook.rerender({ address: 'invoice' });
    expect(text()).toBe('invoice');
  });

  it('writes nothing once unmounted (the page was left before the pause)', () => {
    const { hook, writes } = setup();
    act(() => hook.result.current[1]('design'));
    hook.unmount();
    act(() => vi.advanceTimersByTime(1000));
    expect(writes).toEqual([]);
  });
});
