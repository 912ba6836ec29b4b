import { apiRequest, INBOX_API_BASE } from './http.ts';

/**
 * The person's mutes, kept by the inbox's own server per scope (`/api/inbox/mutes`; the server dismisses new
 * notifications on them, unless they mention the person: docs/decisions/018-saved-views-and-mute.md).
 */
export type MuteKind = 'item' | 'project';

export interface Mute {
  /** `item:task:123` or `project:45`. */
  id: string;
  kind: MuteKind;
  /** An item's target type in lower case (`task`); `project` for a project. */
  targetType: string;
  targetId: string;
  title: string;
  mutedAt: string;
}

export function parseMute(value: unknown): Mute {
  const { id, kind, targetType, targetId, title, mutedAt } = (value ?? {}) as Record<
    keyof Mute,
    unknown
  >;
  if (
    typeof id !== 'string' ||
    (kind !== 'item' && kind !== 'project') ||
    typeof targetType !== 'string' ||
    typeof targetId !== 'string' ||
    !/^\d{1,18}$/.test(targetId) ||
    typeof title !== 'string' ||
    typeof mutedAt !== 'string' ||
    !Number.isFinite(Date.parse(mutedAt))
  ) {
    throw new Error('The server sent a mute the app cannot read.');
  }
  return { id, kind, targetType, targetId, title, mutedAt };
}

/** What a mute is of: an item (a notification's target) or a project. */
export type MuteTarget =
  { kind: 'item'; targetType: string; targetId: string } | { kind: 'project'; targetId: string };

export const muteIdOf = (target: MuteTarget) =>
  target.kind === 'project'
    ? `project:${target.targetId}`
    : `item:${target.targetType}:${target.targetId}`;

const pathOf = (target: MuteTarget) =>
  target.kind === 'project'
    ? `/mutes/project/${encodeURIComponent(target.targetId)}`
    : `/mutes/item/${encodeURIComponent(target.targetType)}/${encodeURIComponent(target.targetId)}`;

const call = async (path: string, method: 'GET' | 'PUT' | 'DELETE', body?: unknown) =>
  ((await apiRequest(path, { base: INBOX_API_BASE, method, body })) as { data?: unknown } | null)
    ?.data;

/** This person's mutes (the server dismisses what arrived on them first). */
export async function getMutes(): Promise<Mute[]> {
  const data = await call('/mutes', 'GET');
  if (!Array.isArray(data)) throw new Error('The server sent a list of mutes the app cannot read.');
  return data.map(parseMute);
}

export const putMute = async (target: MuteTarget, title: string) =>
  parseMute(await call(pathOf(target), 'PUT', { title }));

/** Idempotent. */
export const deleteMute = async (target: MuteTarget) => {
  await call(pathOf(target), 'DELETE');
};
