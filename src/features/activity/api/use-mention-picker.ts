import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import type { Person } from '../../../api/people.ts';
import { matchPeople, mentionQueryAt } from '../model/mentions.ts';
import { peopleQueries } from './people-queries.ts';

interface Options {
  text: string;
  caret: number;
  /** The people are asked for once the composer is first used. */
  enabled: boolean;
  onPick: (person: Person, query: NonNullable<ReturnType<typeof mentionQueryAt>>) => void;
}

/**
 * The `@` mention list of a composer: which people match what is typed after `@`, which one is active, and the
 * keys that move through it (↑/↓), pick (Enter, Tab) and close it (Esc, until another `@` is typed).
 */
export function useMentionPicker({ text, caret, enabled, onPick }: Options) {
  const people = useQuery({ ...peopleQueries.mentionable(), enabled });
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const query = mentionQueryAt(text, caret);
  const [lastStart, setLastStart] = useState<number | null>(null);
  const start = query?.start ?? null;
  if (start !== lastStart) {
    // A new `@`: the first match is active, and a list closed for another `@` may open.
    setLastStart(start);
    setActive(0);
    if (start === null) setClosedAt(null);
  }
  const matches =
    query && query.start !== closedAt ? matchPeople(people.data ?? [], query.query) : [];
  const open = matches.length > 0;
  const current = Math.min(active, matches.length - 1);

  /** Inserts the person; the list stays closed for this `@` (the name itself would match again). */
  const pick = (person: Person) => {
    if (!query) return;
    setClosedAt(query.start);
    onPick(person, query);
  };

  /** Handles a key if the list is open; true when it did. */
  const onKeyDown = (event: KeyboardEvent): boolean => {
    if (!open || !query || event.nativeEvent.isComposing) return false;
    switch (event.key) {
      case 'ArrowDown':
        setActive((current + 1) % matches.length);
        return true;
      case 'ArrowUp':
        setActive((current - 1 + matches.length) % matches.length);
        return true;
      case 'Enter':
      case 'Tab':
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
        pick(matches[current] as Person);
        return true;
      case 'Escape':
        setClosedAt(query.start);
        return true;
      default:
        return false;
    }
  };

  return {
    open,
    matches,
    active: current,
    loading: !!query && people.isPending && enabled,
    onKeyDown,
    pick,
  };
}
