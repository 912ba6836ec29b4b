import { calendarDaysBetween, formatClock, formatExact, formatRelative } from '../lib/formats.ts';

export { formatRelative };

/** A day before today under its heading: the clock time; else how long ago. */
const shownTime = (date: Date, underDayHeading: boolean, now = Date.now()) =>
  underDayHeading && calendarDaysBetween(now, date.getTime()) < 0
    ? formatClock(date)
    : formatRelative(date, now);

/**
 * A relative time for the eye, the exact time on hover and for screen readers. `underDayHeading`: the row sits
 * under a heading that names its day, so a time before today shows its clock time ("3:05 PM" under "Nov 20"), not
 * "2 weeks ago" beside it.
 */
export function RelativeTime({
  iso,
  className,
  underDayHeading = false,
}: {
  iso: string | null;
  className?: string;
  underDayHeading?: boolean;
}) {
  if (!iso || Number.isNaN(Date.parse(iso))) return <span className={className}>no date</span>;
  const date = new Date(iso);
  const full = formatExact(date);
  const shown = shownTime(date, underDayHeading);
  return (
    <time dateTime={date.toISOString()} title={full} className={className}>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{full}</span>
    </time>
  );
}
