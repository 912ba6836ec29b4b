// The durable queue's core moved to src/api/action-queue.ts (replies wait in it too); the inbox keeps its imports.
export * from '../../../api/action-queue.ts';
