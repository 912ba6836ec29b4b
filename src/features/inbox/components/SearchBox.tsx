import { useId, useState } from 'react';
import { GROUPINGS, MAX_SEARCH_LENGTH, type Grouping } from '../model/filters.ts';

interface Props {
  search: string;
  onChange: (search: string) => void;
  group: Grouping;
  onGroupChange: (group: Grouping) => void;
  /** The box took focus: a search may follow. */
  onFocus?: () => void;
}

const GROUPING_LABELS: Record<Grouping, string> = {
  day: 'Day',
  project: 'Project',
  type: 'Type',
  none: 'None',
};

/**
 * The search box at the top of the list (`/` focuses it): the current view narrows as one types, over the
 * title, target, project, actor's name and excerpt, ignoring accents and case. It is in the address as `q=`.
 * `Esc` clears it, then leaves it.
 */
export function SearchBox({ search, onChange, group, onGroupChange, onFocus }: Props) {
  const id = useId();
  const [text, setText] = useState(search);
  const [shown, setShown] = useState(search);
  // Back, forward or a link changes the address: the box follows (adjusted while rendering, not in an effect).
  if (search !== shown) {
    setShown(search);
    if (search !== text) setText(search);
  }
  return (
    <div className="flex min-w-0 flex-1 items-center gap-2 px-3 pt-2 sm:px-0">
      <label htmlFor={id} className="sr-only">
        Search notifications
      </label>
      <input
        id={id}
        type="search"
        data-inbox-search=""
        value={text}
        maxLength={MAX_SEARCH_LENGTH}
        placeholder="Search  /"
        autoComplete="off"
        className="filter-control min-w-0 flex-1"
        onFocus={onFocus}
        onChange={(event) => {
          setText(event.target.value);
          onChange(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Cleared and left at once: the list's keys (j, e…) work again, rather than typing into the box.
          if (text) {
            setText('');
            onChange('');
          }
          event.currentTarget.blur();
          event.stopPropagation();
        }}
      />
      <label htmlFor={`${id}-group`} className="text-sm whitespace-nowrap">
        Group by
      </label>
      <select
        id={`${id}-group`}
        className="filter-control"
        value={group}
        onChange={(event) => onGroupChange(event.target.value as Grouping)}
      >
        {GROUPINGS.map((grouping) => (
          <option key={grouping} value={grouping}>
            {GROUPING_LABELS[grouping]}
          </option>
        ))}
      </select>
    </div>
  );
}
