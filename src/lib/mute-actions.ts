import type { QueryClient } from '@tanstack/react-query';
import { deleteMute, muteIdOf, putMute, type Mute, type MuteTarget } from '../api/mutes.ts';
import type { Toast } from '../components/toasts.tsx';
import { muteQueries } from './mutes.ts';

/**
 * Muting and unmuting (docs/decisions/018): shown at once in the cached list, sent to the server; a refusal is put
 * back and said. A module of its own: the inbox loads it when someone first mutes.
 */
type ShowToast = (toast: Omit<Toast, 'id'>) => unknown;

function setCached(queryClient: QueryClient, change: (mutes: Mute[]) => Mute[]) {
  const key = muteQueries.list().queryKey;
  void queryClient.cancelQueries({ queryKey: key });
  queryClient.setQueryData(key, (mutes) => change(mutes ?? []));
}

/** Mutes it; false (and said) when the server refused. */
export async function muteTarget(
  queryClient: QueryClient,
  showToast: ShowToast,
  target: MuteTarget,
  title: string,
): Promise<boolean> {
  const id = muteIdOf(target);
  const optimistic: Mute = {
    id,
    kind: target.kind,
    targetType: target.kind === 'project' ? 'project' : target.targetType,
    targetId: target.targetId,
    title,
    mutedAt: new Date().toISOString(),
  };
  setCached(queryClient, (mutes) => [optimistic, ...mutes.filter((m) => m.id !== id)]);
  try {
    const saved = await putMute(target, title);
    setCached(queryClient, (mutes) => mutes.map((m) => (m.id === id ? saved : m)));
    return true;
  } catch (error) {
    setCached(queryClient, (mutes) => mutes.filter((m) => m.id !== id));
    showToast({ tone: 'error', message: `Could not mute “${title}”: ${(error as Error).message}` });
    return false;
  }
}

/** Unmutes it (idempotent); a refusal puts it back and is said. */
export async function unmuteTarget(
  queryClient: QueryClient,
  showToast: ShowToast,
  target: MuteTarget,
): Promise<void> {
  const id = muteIdOf(target);
  const before = queryClient.getQueryData(muteQueries.list().queryKey) ?? [];
  setCached(queryClient, (mutes) => mutes.filter((m) => m.id !== id));
  try {
    await deleteMute(target);
  } catch (error) {
    setCached(queryClient, () => before);
    showToast({ tone: 'error', message: `Could not unmute: ${(error as Error).message}` });
  }
}
