const PATHS: Record<string, string> = {
  task: 'M9 11l3 3 8-8M4 12a8 8 0 1 0 16 0 8 8 0 0 0-16 0',
  todo: 'M5 12l4 4L19 6',
  deal: 'M12 3v18M16 7H10a3 3 0 0 0 0 6h4a3 3 0 0 1 0 6H7',
  page: 'M7 3h7l5 5v13H7zM14 3v5h5',
  discussion: 'M4 5h16v10H9l-5 4z',
  project: 'M3 7h7l2 2h9v10H3z',
  invoice: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6',
  company: 'M4 21V5h10v16M14 9h6v12M7 9h3M7 13h3',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  booking: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
};
const GENERIC = 'M12 8v4M12 16h.01M4 12a8 8 0 1 0 16 0 8 8 0 0 0-16 0';

/** An icon per target type; an unknown type gets a generic one and never breaks the row. */
export function TargetIcon({ type }: { type: string }) {
  const path = PATHS[type.toLowerCase()] ?? GENERIC;
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="size-5 shrink-0"
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
