/**
 * An icon per target type, drawn so that none looks like a status: no check marks (a todo is a list line, a task a
 * card), nothing that reads as done, failed or warning.
 */
const PATHS: Record<string, string> = {
  task: 'M5 4h14v16H5zM8.5 8.5h7M8.5 12h7M8.5 15.5h4',
  todo: 'M10 6.5h10M10 12h10M10 17.5h10M4.5 5h2.5v3H4.5zM4.5 10.5h2.5v3H4.5zM4.5 16h2.5v3H4.5z',
  deal: 'M12 3v18M16 7H10a3 3 0 0 0 0 6h4a3 3 0 0 1 0 6H7',
  page: 'M7 3h7l5 5v13H7zM14 3v5h5',
  discussion: 'M4 5h16v10H9l-5 4z',
  project: 'M3 7h7l2 2h9v10H3z',
  invoice: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6',
  company: 'M4 21V5h10v16M14 9h6v12M7 9h3M7 13h3',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  booking: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
};
/** An item of a type we do not know: a plain tile. */
const GENERIC = 'M5 5h14v14H5zM9 12h6';

/** An unknown type gets the generic icon and never breaks the row. */
export function TargetIcon({ type, className = 'size-5' }: { type: string; className?: string }) {
  const path = PATHS[type.toLowerCase()] ?? GENERIC;
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      data-target-icon={PATHS[type.toLowerCase()] ? type.toLowerCase() : 'generic'}
      className={`shrink-0 ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}

export function targetTypeLabel(type: string): string {
  const clean = type.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return clean ? clean[0]?.toUpperCase() + clean.slice(1) : 'Item';
}
