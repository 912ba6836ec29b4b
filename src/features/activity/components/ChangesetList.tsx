import type { ChangesetEntry } from '../../../api/activities.ts';
import { describeChange } from '../model/changeset.ts';

/** "Field: old → new" lines, as the feed shows an activity's changes. */
export function ChangesetList({
  changeset,
  className = 'text-sm',
}: {
  changeset: readonly ChangesetEntry[];
  className?: string;
}) {
  if (changeset.length === 0) return null;
  return (
    <ul
      className={`space-y-0.5 text-slate-700 dark:text-slate-300 ${className}`}
      aria-label="Changes"
    >
      {changeset.map((entry, index) => {
        const line = describeChange(entry);
        return (
          <li key={index} className="break-words">
            <span className="font-medium">{line.label}:</span>{' '}
            <span className="text-slate-600 line-through decoration-slate-400 dark:text-slate-400">
              {line.from}
            </span>{' '}
            <span aria-label="changed to">→</span> <span>{line.to}</span>
          </li>
        );
      })}
    </ul>
  );
}
