const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const DAY = 86_400_000;
const startOfDay = (time: number) => new Date(time).setHours(0, 0, 0, 0);

export function formatRelative(date: Date, now = Date.now()): string {
  const difference = date.getTime() - now;
  // Whole days are counted on the calendar, as the list's day headings are: Monday evening seen on Wednesday
  // morning is "2 days ago", not "yesterday".
  if (Math.abs(difference) >= DAY && Math.abs(difference) < 7 * DAY) {
    return relative.format(Math.round((startOfDay(date.getTime()) - startOfDay(now)) / DAY), 'day');
  }
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) return relative.format(Math.round(difference / size), unit);
  }
  return 'just now';
}

/** A relative time for the eye, the exact time on hover and for screen readers. */
export function RelativeTime({ iso, className }: { iso: string | null; className?: string }) {
  if (!iso || Number.isNaN(Date.parse(iso))) return <span className={className}>no date</span>;
  const date = new Date(iso);
  const full = exact.format(date);
  return (
    <time dateTime={date.toISOString()} title={full} className={className}>
      <span aria-hidden="true">{formatRelative(date)}</span>
      <span className="sr-only">{full}</span>
    </time>
  );
}
