import type { Mention } from './replies.ts';
import type { FeedTarget } from '../../../api/activities.ts';
import { deviceKey, deviceStorage } from '../../../lib/device-data.ts';

/**
 * Replies being written, one per task, deal or discussion, kept on the device (`inbox.drafts:SCOPE`, so sign-out
 * and "Clear data on this device" remove them with everything else, src/lib/device-data.ts) through navigation
 * and reload. A draft leaves when its reply is sent (the reply is then in the action queue).
 */
export interface Draft {
  text: string;
  mentions: Mention[];
  savedAt: number;
}

/** The newest drafts kept; an older one is dropped when more are written. */
const MAX_DRAFTS = 50;
const MAX_TEXT = 50_000;

export const draftsStorageKey = () => deviceKey('drafts');
const draftKey = (target: FeedTarget) => `${target.kind}:${target.id}`;

function isDraft(value: unknown): value is Draft {
  const draft = value as Partial<Draft> | null;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.text === 'string' &&
    typeof draft.savedAt === 'number' &&
    Array.isArray(draft.mentions) &&
    draft.mentions.every(
      (mention: Partial<Mention> | null) =>
        typeof mention?.id === 'string' && typeof mention.name === 'string',
    )
  );
}

function loadAll(): Record<string, Draft> {
  try {
    const parsed: unknown = JSON.parse(deviceStorage.getItem(draftsStorageKey()) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, draft]) => isDraft(draft)));
  } catch {
    return {};
  }
}

function saveAll(drafts: Record<string, Draft>) {
  const kept = Object.entries(drafts)
    .sort((a, b) => b[1].savedAt - a[1].savedAt)
    .slice(0, MAX_DRAFTS);
  try {
    if (kept.length === 0) deviceStorage.removeItem(draftsStorageKey());
    else deviceStorage.setItem(draftsStorageKey(), JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or unavailable: the draft lives in the composer until the page goes.
  }
}

export function loadDraft(target: FeedTarget): Draft | null {
  return loadAll()[draftKey(target)] ?? null;
}

/** Keeps the draft; an empty one is removed. */
export function saveDraft(target: FeedTarget, text: string, mentions: readonly Mention[]) {
  const key = draftKey(target);
  const others = Object.fromEntries(Object.entries(loadAll()).filter(([where]) => where !== key));
  if (!text.trim()) return saveAll(others);
  saveAll({
    ...others,
    [key]: {
      text: text.slice(0, MAX_TEXT),
      mentions: mentions.map(({ id, name }) => ({ id, name })),
      savedAt: Date.now(),
    },
  });
}

export const clearDraft = (target: FeedTarget) => saveDraft(target, '', []);

const replaced = new Set<(target: FeedTarget, draft: Draft) => void>();

/** Hears of a draft put back from outside its composer (a refused reply taken back to edit). */
export function onDraftReplaced(listener: (target: FeedTarget, draft: Draft) => void): () => void {
  replaced.add(listener);
  return () => replaced.delete(listener);
}

/** A refused reply goes back to its composer: after what is being written there, if anything. */
export function returnToDraft(target: FeedTarget, text: string, mentions: readonly Mention[]) {
  const current = loadDraft(target);
  const draft: Draft = {
    text: current?.text.trim() ? `${current.text.trimEnd()}\n\n${text}` : text,
    mentions: [...(current?.mentions ?? []), ...mentions],
    savedAt: Date.now(),
  };
  saveDraft(target, draft.text, draft.mentions);
  for (const listener of [...replaced]) listener(target, draft);
}
