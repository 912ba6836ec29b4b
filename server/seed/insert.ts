import type { Database } from '../db/database.ts';
import type { Random } from './random.ts';
import {
  CURRENT_MEMBERSHIP_ID,
  CURRENT_PERSON_ID,
  iso,
  type ActivityDraft,
  type Person,
  type Target,
} from './drafts.ts';

/** Writes the activities (with their comments, emails and attachments), oldest first. */
export function insertActivities(db: Database, targets: Target[]) {
  const all = targets
    .flatMap((target) => target.activities)
    .sort((a, b) => a.createdMs - b.createdMs);
  const insertComment = db.prepare(
    'INSERT INTO comments (id, body, created_at, edited_at, deleted_at, pinned_at, creator_id, task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEmail = db.prepare(
    'INSERT INTO emails (id, subject, body, from_name, from_address, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertAttachment = db.prepare(
    'INSERT INTO attachments (id, name, content_type, size, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insert = db.prepare(
    `INSERT INTO activities (id, kind, event, changeset, item_id, item_type, item_name, item_deleted_at,
      parent_id, parent_type, parent_name, parent_deleted_at, root_id, root_type, root_name, root_deleted_at,
      deal_is_budget, task_id, deal_id, booking_id, invoice_id, company_id, created_at, created_ms,
      discussion_id, engagement_id, page_id, person_id, purchase_order_id, expense_id, project_id,
      made_by_automation, pinned, creator_id, comment_id, email_id, attachment_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let commentId = 0;
  let emailId = 0;
  let attachmentId = 0;
  all.forEach((activity, index) => {
    activity.id = index + 1;
    const createdAt = iso(activity.createdMs);
    let commentRef: number | null = null;
    let emailRef: number | null = null;
    let attachmentRef: number | null = null;
    if (activity.comment) {
      commentRef = ++commentId;
      activity.itemId = commentRef;
      insertComment.run(
        commentRef,
        activity.comment.body,
        createdAt,
        null,
        null,
        activity.comment.pinned ? createdAt : null,
        activity.creatorId,
        activity.taskId,
      );
    }
    if (activity.email) {
      emailRef = ++emailId;
      activity.itemId = emailRef;
      const { subject, body, fromName, fromAddress } = activity.email;
      insertEmail.run(emailRef, subject, body, fromName, fromAddress, createdAt);
    }
    if (activity.attachment) {
      attachmentRef = ++attachmentId;
      const { name, contentType, size } = activity.attachment;
      insertAttachment.run(attachmentRef, name, contentType, size, createdAt);
    }
    const deleted = activity.event === 'delete' ? createdAt : null;
    insert.run(
      activity.id,
      activity.kind,
      activity.event,
      JSON.stringify(activity.changeset),
      activity.itemId,
      activity.itemType,
      activity.itemName,
      deleted,
      activity.parentId,
      activity.parentType,
      activity.parentName,
      null,
      activity.rootId,
      activity.rootType,
      activity.rootName,
      null,
      0,
      activity.taskId,
      activity.dealId,
      activity.bookingId,
      activity.invoiceId,
      activity.companyId,
      createdAt,
      activity.createdMs,
      activity.discussionId,
      null,
      activity.pageId,
      null,
      activity.purchaseOrderId,
      activity.expenseId,
      activity.projectId,
      activity.automation ? 1 : 0,
      activity.comment?.pinned ? 1 : 0,
      activity.creatorId,
      commentRef,
      emailRef,
      attachmentRef,
    );
  });
}

const verbFor = (activity: ActivityDraft, target: Target): string => {
  if (activity.kind === 1) return `commented on ${target.type}`;
  if (activity.kind === 3) return `sent an email on ${target.type}`;
  if (activity.event === 'create') return `created ${target.type}`;
  if (activity.event === 'delete') return `deleted ${target.type}`;
  const field = Object.keys(activity.changeset[0] ?? {})[0];
  if (field === 'workflow_status') return `changed the status of ${target.type}`;
  if (field === 'assignee') return `changed the assignee of ${target.type}`;
  if (field === 'due_date') return `changed the due date of ${target.type}`;
  return `updated ${target.type}`;
};

export function insertNotifications(
  db: Database,
  random: Random,
  world: { people: Person[]; targets: Target[] },
  count: number,
) {
  const byType = (type: Target['type']) => world.targets.filter((target) => target.type === type);
  const pools: [number, Target[]][] = [
    [0.5, byType('task')],
    [0.35, byType('todo')],
    [0.05, byType('deal')],
    [0.05, byType('page')],
    [0.05, byType('discussion')],
  ];
  const insert = db.prepare(
    `INSERT INTO notifications (id, target_id, target_type, target_title, parent_id, parent_type, parent_title,
      title, read, dismissed, new_activities_count, excerpt, last_action_at, last_action_ms,
      first_unread_activity_id, changeset, important, mention, target_label, actor_id, project_id, owner_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // One notification per item, as Productive keeps it (new activity updates it): each pool is drawn from in a
  // shuffled order, without putting back; an empty pool hands over to the next; no items left, no more notifications.
  const queues = pools.map(([weight, candidates]) => ({
    weight,
    left: shuffled(random, candidates),
  }));
  const draw = (): Target | undefined => {
    let roll = random.next();
    let chosen = queues[0];
    for (const queue of queues) {
      chosen = queue;
      if (roll < queue.weight) break;
      roll -= queue.weight;
    }
    const order = chosen ? [chosen, ...queues.filter((queue) => queue !== chosen)] : queues;
    return order.find((queue) => queue.left.length > 0)?.left.pop();
  };
  for (let id = 1; id <= count; id++) {
    const target = draw();
    if (!target) break;
    // Nobody is notified of their own doing: the trigger is a recent activity by someone else.
    const recent = target.activities
      .map((activity, position) => ({ activity, position }))
      .filter(
        ({ activity, position }) =>
          activity.creatorId !== CURRENT_PERSON_ID && position >= target.activities.length - 4,
      );
    const index = recent.length
      ? random.pick(recent.slice(-2)).position
      : target.activities.length - 1;
    const trigger = target.activities[index] as ActivityDraft;
    const unread = random.chance(0.35);
    const firstUnreadIndex = Math.max(0, index - random.int(0, 2));
    const firstUnread = unread ? (target.activities[firstUnreadIndex] as ActivityDraft) : null;
    const parent = target.parentTitle ? ` on <b>${escapeMarkup(target.parentTitle)}</b>` : '';
    const mention = trigger.comment?.mentionsMe ?? false;
    const excerpt = trigger.comment?.plain ?? trigger.email?.subject ?? '';
    insert.run(
      id,
      target.id,
      target.type,
      target.title,
      target.parentId,
      target.parentType,
      target.parentTitle,
      `${verbFor(trigger, target)} <b>${escapeMarkup(target.title)}</b>${parent}`,
      unread ? 0 : 1,
      random.chance(unread ? 0.05 : 0.3) ? 1 : 0,
      unread ? index - firstUnreadIndex + 1 : 0,
      excerpt.slice(0, 160),
      iso(trigger.createdMs),
      trigger.createdMs,
      firstUnread?.id ?? null,
      trigger.kind === 2 ? JSON.stringify(trigger.changeset) : '[]',
      random.chance(0.12) || mention ? 1 : 0,
      mention ? 1 : 0,
      target.type,
      trigger.creatorId,
      target.projectId,
      CURRENT_MEMBERSHIP_ID,
    );
  }
}

/**
 * Makes each unread notification's `new_activities_count` the number of activities the app marks New when the
 * notification is opened: those of the feed it opens (a task's, which holds its todos' too; a deal's, page's,
 * discussion's) created at or after its `first_unread_activity_id`.
 */
export function alignNewActivityCounts(db: Database) {
  // One statement per feed column, so that each count walks its feed's index (a CASE would scan every activity).
  const feeds: [string, string][] = [
    ["target_type IN ('task', 'todo')", 'task_id'],
    ["target_type = 'deal'", 'deal_id'],
    ["target_type = 'page'", 'page_id'],
    ["target_type NOT IN ('task', 'todo', 'deal', 'page')", 'discussion_id'],
  ];
  for (const [which, column] of feeds)
    db.exec(`
      UPDATE notifications SET new_activities_count = (
        SELECT count(*) FROM activities AS first, activities AS later
        WHERE first.id = notifications.first_unread_activity_id
          AND later.${column} = first.${column}
          AND later.created_ms >= first.created_ms)
      WHERE first_unread_activity_id IS NOT NULL AND ${which}`);
}

/** A copy in a random order (Fisher–Yates, from the seeded generator). */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
