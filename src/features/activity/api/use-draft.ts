import { useCallback, useEffect, useState } from 'react';
import type { Mention } from './replies.ts';
import type { FeedTarget } from '../../../api/activities.ts';
import { loadDraft, onDraftReplaced, saveDraft } from './drafts.ts';

/** The reply being written on one item: kept on the device as it is typed, restored when the item is shown again. */
export function useDraft(target: FeedTarget) {
  const [draft, setDraft] = useState(() => {
    const saved = loadDraft(target);
    return { text: saved?.text ?? '', mentions: saved?.mentions ?? [] };
  });
  const update = useCallback(
    (text: string, mentions: readonly Mention[]) => {
      setDraft({ text, mentions: [...mentions] });
      saveDraft(target, text, mentions);
    },
    [target],
  );
  useEffect(
    () =>
      onDraftReplaced((where, next) => {
        if (where.kind === target.kind && where.id === target.id)
          setDraft({ text: next.text, mentions: next.mentions });
      }),
    [target],
  );
  return { text: draft.text, mentions: draft.mentions, update };
}
