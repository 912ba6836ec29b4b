// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ListKeyTargets } from './use-inbox-shortcuts.ts';

// The keys' code arrives when the test says so; its hook listens on the document, as the real one does.
const arrival = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { arrived, arrive, heard: [] as string[] };
});
vi.mock('./use-inbox-shortcuts.ts', async () => {
  await arrival.arrived;
  return {
    useListShortcuts: () =>
      useEffect(() => {
        const listen = (event: KeyboardEvent) => arrival.heard.push(event.key);
        document.addEventListener('keydown', listen);
        return () => document.removeEventListener('keydown', listen);
      }, []),
  };
});

const { LazyListShortcuts } = await import('./LazyListShortcuts.tsx');

const press = (key: string, target: Element = document.body) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};

describe('the list’s keys, before their code has arrived', () => {
  it('holds the shortcut keys pressed meanwhile and presses them again, in order, once the keys listen', async () => {
    const search = document.createElement('input');
    search.type = 'search';
    document.body.append(search);

    // Another page (a task's feed) before the list has ever rendered: its keys are its own, never held.
    const elsewhere = press('r');
    expect(elsewhere.defaultPrevented).toBe(false);

    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <LazyListShortcuts {...({} as ListKeyTargets)} inboxViewHref="/" />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const held = press('j');
    press('x');
    press('a'); // not a shortcut: left alone
    const typed = press('j', search); // typing in a field: never a shortcut
    expect(held.defaultPrevented).toBe(true);
    expect(typed.defaultPrevented).toBe(false);
    expect(arrival.heard).toEqual([]);
    arrival.arrive();
    await waitFor(() => expect(arrival.heard).toEqual(['j', 'x']));

    // From then on a key reaches the keys once, and is no longer held.
    const later = press('k');
    expect(arrival.heard).toEqual(['j', 'x', 'k']);
    expect(later.defaultPrevented).toBe(false);
  });
});
