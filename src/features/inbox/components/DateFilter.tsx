import { useState } from 'react';
import { dayRanges, firstDayOfWeek } from '../../../lib/dates.ts';
import { isCalendarDay } from '../model/filters.ts';

interface Props {
  /** Inclusive calendar days, YYYY-MM-DD, or null for no bound. */
  after: string | null;
  before: string | null;
  onChange: (range: { after: string | null; before: string | null }) => void;
  /** For tests: today is computed from it. */
  now?: () => Date;
}

/**
 * The date filter: presets (Today, Last 7 days, This week, Last 30 days) beside From and To. A date typed key by
 * key is applied whole: only once it is a complete, valid day (or on Enter or leaving the field), never a year 0002
 * after the first digit.
 */
export function DateFilter({ after, before, onChange, now = () => new Date() }: Props) {
  const ranges = dayRanges(now(), firstDayOfWeek());
  const preset = ranges.find((range) => range.after === after && range.before === before);
  return (
    <>
      <label className="flex items-center gap-1">
        <span className="sr-only">Date range</span>
        <select
          className="filter-control"
          value={preset ? preset.name : after || before ? 'custom' : ''}
          onChange={(event) => {
            const picked = ranges.find((range) => range.name === event.target.value);
            if (picked) onChange({ after: picked.after, before: picked.before });
            else if (event.target.value === '') onChange({ after: null, before: null });
          }}
        >
          <option value="">Any time</option>
          {ranges.map((range) => (
            <option key={range.name} value={range.name}>
              {range.label}
            </option>
          ))}
          {!preset && (after || before) && (
            <option value="custom" disabled>
              Custom dates
            </option>
          )}
        </select>
      </label>
      <DayInput
        label="From"
        value={after}
        bounds={{ max: before ?? undefined }}
        onChange={(day) => onChange({ after: day, before })}
      />
      <span aria-hidden="true" className="text-slate-500 2xl:hidden">
        –
      </span>
      <DayInput
        label="To"
        value={before}
        bounds={{ min: after ?? undefined }}
        onChange={(day) => onChange({ after, before: day })}
      />
    </>
  );
}

const within = (day: string, { min, max }: { min?: string; max?: string }) =>
  (!min || day >= min) && (!max || day <= max);

/**
 * A calendar-day bound: what is typed stays in the field as typed until it is a whole valid day within the other
 * bound; emptied, there is no bound. Enter or leaving the field applies it, or puts back the one in force.
 */
function DayInput({
  label,
  value,
  bounds,
  onChange,
}: {
  label: string;
  value: string | null;
  bounds: { min?: string; max?: string };
  onChange: (day: string | null) => void;
}) {
  const [draft, setDraft] = useState(value ?? '');
  // A new value from outside (a preset, a chip cleared, Back) replaces what was typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  // A field partly filled in reads as empty, and says so by `badInput`: that is not "no bound".
  const settle = (field: HTMLInputElement) => {
    const unfinished = field.validity.badInput;
    if (draft === (value ?? '') && !unfinished) return;
    if (draft === '' && !unfinished) onChange(null);
    else if (isCalendarDay(draft) && within(draft, bounds)) onChange(draft);
    else {
      // What is in force goes back into the field, even where the draft already says so.
      field.value = value ?? '';
      setDraft(value ?? '');
    }
  };
  return (
    <label className="flex items-center gap-1">
      {/* Named on screen from 1536 px; narrower, the two fields read "date – date" (one line at 1280 px). */}
      <span className="sr-only text-slate-600 2xl:not-sr-only dark:text-slate-400">{label}</span>
      <input
        type="date"
        className="filter-control w-32"
        value={draft}
        min={bounds.min}
        max={bounds.max}
        onChange={(event) => {
          const typed = event.target.value;
          setDraft(typed);
          if (typed === (value ?? '')) return;
          // A whole day, as a picker gives it or the last key completes it: applied at once; so is a field
          // emptied whole (not one left part-filled, which also reads empty).
          if (isCalendarDay(typed) && within(typed, bounds)) onChange(typed);
          else if (typed === '' && !event.target.validity.badInput) onChange(null);
        }}
        onBlur={(event) => settle(event.currentTarget)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') settle(event.currentTarget);
        }}
      />
    </label>
  );
}
