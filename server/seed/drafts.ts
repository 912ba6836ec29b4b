/** The in-memory shapes the demo data is built in before it is written to SQLite. */
export const CURRENT_PERSON_ID = 1;
export const CURRENT_MEMBERSHIP_ID = 1001;
export const ORGANIZATION_ID = 1;

export const DAY = 86_400_000;
export const WINDOW = 60 * DAY;

export type Changeset = Record<string, unknown>[];

export interface ActivityDraft {
  kind: 1 | 2 | 3;
  event: string;
  changeset: Changeset;
  createdMs: number;
  itemId: number;
  itemType: string;
  itemName: string;
  parentId: number | null;
  parentType: string | null;
  parentName: string | null;
  rootId: number | null;
  rootType: string | null;
  rootName: string | null;
  taskId: number | null;
  dealId: number | null;
  pageId: number | null;
  discussionId: number | null;
  companyId: number | null;
  projectId: number | null;
  invoiceId: number | null;
  bookingId: number | null;
  expenseId: number | null;
  purchaseOrderId: number | null;
  creatorId: number;
  automation: boolean;
  comment?: { body: string; pinned: boolean; mentionsMe: boolean; plain: string };
  email?: { subject: string; body: string; fromName: string; fromAddress: string };
  attachment?: { name: string; contentType: string; size: number };
  id?: number;
}

export interface Target {
  type: 'task' | 'todo' | 'deal' | 'page' | 'discussion';
  id: number;
  title: string;
  parentId: number | null;
  parentType: string | null;
  parentTitle: string | null;
  projectId: number | null;
  activities: ActivityDraft[];
}

export const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
export interface Person {
  id: number;
  name: string;
}
