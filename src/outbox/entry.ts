/**
 * What the outbox keeps: one entry per thing to send (an inbox action, a reply), written before it is shown or
 * sent and removed once the server has answered it. The outbox knows only the envelope; each kind's sender
 * (registered with the replay loop, replay.ts) reads and sends its payload.
 */
export interface OutboxEntry<P = unknown> {
  /** Whose sender sends it: `inbox-action`, `reply`. */
  kind: string;
  key: string;
  /** The tab that sends it; another tab adopts it once this one is gone. */
  owner: string;
  createdAt: number;
  payload: P;
  /** Why the server refused it: it waits for the person (Retry, Edit), never sent again by itself. */
  failure: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function hasEnvelope(value: Record<string, unknown>): boolean {
  return (
    typeof value.key === 'string' &&
    typeof value.owner === 'string' &&
    typeof value.createdAt === 'number' &&
    (value.failure === null || typeof value.failure === 'string')
  );
}

/**
 * One stored entry, checked: its envelope only (the payload is its sender's to check). Entries written before the
 * outbox existed (an inbox action with no kind, a reply of kind `comment`, both without a payload) are read as the
 * kinds that replaced them, so a device updated with actions still waiting sends them.
 */
export function readEntry(value: unknown): OutboxEntry | null {
  if (!isObject(value)) return null;
  if ('payload' in value)
    return typeof value.kind === 'string' && isObject(value.payload) && hasEnvelope(value)
      ? (value as unknown as OutboxEntry)
      : null;
  const { kind, key, owner, createdAt, failure = null, ...payload } = value;
  const envelope = { key, owner, createdAt, failure };
  if (!hasEnvelope(envelope)) return null;
  if (kind === undefined && typeof payload.action === 'string')
    return {
      kind: 'inbox-action',
      ...(envelope as Omit<OutboxEntry, 'kind' | 'payload'>),
      payload,
    };
  if (kind === 'comment')
    return { kind: 'reply', ...(envelope as Omit<OutboxEntry, 'kind' | 'payload'>), payload };
  return null;
}
