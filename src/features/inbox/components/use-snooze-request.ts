import { useCallback, useState } from 'react';

/** Where `h` opens the snooze menu: the selection bar's (several selected), else one row's. */
export type SnoozeMenuTarget = 'selection' | string;

/**
 * The `h` key's request to open a snooze menu: each request a new number, handed only to the menu it is for
 * (`requestFor`), so that one row re-renders, not all.
 */
export function useSnoozeRequest() {
  const [request, setRequest] = useState<{ target: SnoozeMenuTarget | null; nonce: number }>({
    target: null,
    nonce: 0,
  });
  const open = useCallback(
    (target: SnoozeMenuTarget | null) =>
      target !== null && setRequest((last) => ({ target, nonce: last.nonce + 1 })),
    [],
  );
  const requestFor = (target: SnoozeMenuTarget) => (request.target === target ? request.nonce : 0);
  return { open, requestFor };
}
