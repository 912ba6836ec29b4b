import type { ReactNode } from 'react';
import { READ_ONLY_MESSAGE, READ_ONLY_NOTICE_ID } from '../api/write-access.ts';
import { useReadOnly } from '../lib/use-write-access.ts';

/**
 * Actions that write to Productive: with a read-only token they are off (every button in them disabled), with the
 * reason on hover and as their description, and look off. Lays out as if it were not there.
 */
export function WriteActions({ children }: { children: ReactNode }) {
  const readOnly = useReadOnly();
  return (
    <fieldset
      className="contents [&:disabled_button]:cursor-not-allowed [&:disabled_button]:opacity-50"
      disabled={readOnly}
      {...(readOnly ? { title: READ_ONLY_MESSAGE, 'aria-describedby': READ_ONLY_NOTICE_ID } : {})}
    >
      {children}
    </fieldset>
  );
}
