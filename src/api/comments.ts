import type { FeedTarget } from './activities.ts';
import { apiRequest } from './http.ts';
import { readSingle } from './jsonapi.ts';

const PARENT_TYPE = { task: 'tasks', deal: 'deals', discussion: 'discussions' } as const;

/** The one document a reply is sent as: a `comments` body and its one parent. */
export const commentDocument = (target: FeedTarget, body: string) => ({
  data: {
    type: 'comments',
    attributes: { body },
    relationships: {
      [target.kind]: { data: { type: PARENT_TYPE[target.kind], id: String(target.id) } },
    },
  },
});

/** `POST /comments`: the reply on a task, deal or discussion; resolves with the new comment's id. */
export async function postComment(
  target: FeedTarget,
  body: string,
  signal?: AbortSignal,
): Promise<{ id: string }> {
  const document = readSingle(
    await apiRequest('/comments', { method: 'POST', body: commentDocument(target, body), signal }),
    'comments',
  );
  return { id: document.data.id };
}
