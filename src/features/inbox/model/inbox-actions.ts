// What the durable queue (src/api/action-queue.ts) holds is defined beside it; the inbox keeps its imports.
export * from '../../../api/inbox-actions.ts';
