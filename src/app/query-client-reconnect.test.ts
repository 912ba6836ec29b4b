// @vitest-environment jsdom
import { beforeEach, expect, it } from 'vitest';
import { enqueueAction } from '../features/inbox/api/queued-actions.ts';
import { enqueue, update } from '../outbox/store.ts';
import { createQueryClient } from './query-client.ts';

beforeEach(() => localStorage.clear());

it('does not refetch on reconnect while inbox actions wait in the outbox; a reply waiting for Retry does not hold it', () => {
  const refetchOnReconnect = createQueryClient().getDefaultOptions().queries
    ?.refetchOnReconnect as () => boolean;
  expect(refetchOnReconnect()).toBe(true);
  const reply = enqueue('reply', { target: { kind: 'task', id: 1 }, text: 'Hi', mentions: [] });
  update(reply.key, { failure: 'Refused' });
  expect(refetchOnReconnect()).toBe(true);
  enqueueAction(['1'], 'dismiss');
  expect(refetchOnReconnect()).toBe(false);
});
