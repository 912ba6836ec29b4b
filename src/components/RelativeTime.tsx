import { formatExact, formatRelative } from '../lib/formats.ts';

export { formatRelative };

/** A relative time for the eye, the exact time on hover and for screen readers. */
export function RelativeTime({ iso, className }: { iso: string | null; className?: string }) {
  if (!iso || Number.isNaN(Date.parse(iso))) return <span className={className}>no date</span>;
  const date = new Date(iso);
  const full = formatExact(date);
  return (
    <time dateTime={date.toISOString()} title={full} className={className}>
      <span aria-hidden="true">{formatRelative(date)}</span>
      <span className="sr-only">{full}</span>
    </time>
  );
}
