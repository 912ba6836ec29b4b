import { useSyncExternalStore } from 'react';
import { isReadOnly, subscribeWriteAccess } from '../api/write-access.ts';

/** True once Productive has refused a write from this token (src/api/write-access.ts): the actions are off. */
export function useReadOnly(): boolean {
  return useSyncExternalStore(subscribeWriteAccess, isReadOnly, () => false);
}
