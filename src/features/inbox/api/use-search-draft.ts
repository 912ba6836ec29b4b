import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How long the address waits after the last keystroke before it follows the search box. */
export const SEARCH_ADDRESS_DELAY_MS = 300;

interface Draft {
  /** What the list is searched by: the box's text as typed. */
  text: string;
  /** The address's search when this draft last looked at it. */
  seen: string;
  /** The text this hook last wrote into the address, until the address changes. */
  written: string | null;
}

/**
 * The search as typed, ahead of the address (issue 19, docs/decisions/016-replica.md): each keystroke filters the
 * list at once, in the keystroke's own render, and the address (`q=`) follows once typing pauses, replacing its
 * entry, so that a search is one navigation instead of one per letter (each re-rendering the page and running the
 * view's loader). The address stays the truth: when its search changes (Back, Forward, a link, another filter)
 * the box takes it, unless it is the one this hook just wrote (what was typed since stays).
 *
 * `addressSearch` is the address's `q=`; `writeAddress` puts a search into the address.
 */
export function useSearchDraft(
  addressSearch: string,
  writeAddress: (search: string) => void,
  delay = SEARCH_ADDRESS_DELAY_MS,
): [string, (search: string) => void] {
  const [draft, setDraft] = useState<Draft>({
    text: addressSearch,
    seen: addressSearch,
    written: null,
  });
  let current = draft;
  if (addressSearch !== draft.seen) {
    const own = addressSearch === draft.written;
    current = { text: own ? draft.text : addressSearch, seen: addressSearch, written: null };
    setDraft(current);
  }

  const latest = useRef({ text: current.text, addressSearch, writeAddress });
  useLayoutEffect(() => {
    latest.current = { text: current.text, addressSearch, writeAddress };
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = useCallback(
    (text: string) => {
      setDraft((last) => ({ ...last, text }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const { text, addressSearch, writeAddress } = latest.current;
        // The address says it already (or took a search from elsewhere meanwhile): nothing to write.
        if (text === addressSearch) return;
        setDraft((last) => ({ ...last, written: text }));
        writeAddress(text);
      }, delay);
    },
    [delay],
  );
  return [current.text, change];
}
