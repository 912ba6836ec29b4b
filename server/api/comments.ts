/**
 * POST /comments, as Productive answers it: the comment (201), and a comment activity (type 1) by the current user
 * on its task, deal or discussion, so the item's feed shows it first. The body is stored exactly as sent.
 */
import { Hono } from 'hono';
import { transaction, type Database } from '../db/database.ts';
import { readRequestDocument } from '../http/request-body.ts';
import { CURRENT_PERSON_ID, iso, ORGANIZATION_ID } from '../seed/generate.ts';
import { COMMENT_PARENTS, parseCommentRequest, type CommentParentKind } from './comment-request.ts';
import { notFound } from './errors.ts';
import { parseId } from './query.ts';
import { jsonApi } from './respond.ts';
import { serializeComment } from './serializers.ts';

type Row = Record<string, unknown>;

/** Where a new comment activity sits: the columns it shares with the seed's comment activities on that kind. */
interface Placement {
  itemName: string;
  parentName: string;
  rootId: number | null;
  rootType: string | null;
  rootName: string | null;
  taskId: number | null;
  dealId: number | null;
  discussionId: number | null;
  pageId: number | null;
  companyId: number | null;
  projectId: number | null;
}

export interface CommentOptions {
  /** The time a comment is written at (tests pin it). */
  now?: () => number;
}

/**
 * Finds the parent and what a comment activity on it repeats. Tasks are rows of their own; deals and discussions
 * exist in the demo data only through their activities, so one exists when an activity names it (a deal: an
 * activity whose item is the deal; a discussion: an activity in it).
 */
function placementFinder(db: Database) {
  const task = db.prepare(
    `SELECT tasks.id, tasks.title, tasks.number, tasks.project_id, projects.name AS project_name
     FROM tasks JOIN projects ON projects.id = tasks.project_id WHERE tasks.id = ?`,
  );
  const deal = db.prepare(
    `SELECT item_name, parent_id, parent_name, company_id FROM activities
     WHERE deal_id = ? AND item_type = 'deal' ORDER BY created_ms DESC, id DESC LIMIT 1`,
  );
  const discussion = db.prepare(
    `SELECT parent_name, root_id, root_type, root_name, page_id, project_id FROM activities
     WHERE discussion_id = ? AND parent_type = 'discussion' ORDER BY created_ms DESC, id DESC LIMIT 1`,
  );
  return (kind: CommentParentKind, id: number): Placement | null => {
    const none = { taskId: null, dealId: null, discussionId: null, pageId: null, companyId: null };
    if (kind === 'task') {
      const row = task.get(id) as Row | undefined;
      if (!row) return null;
      const label = `#${String(row.number)}: ${String(row.title)}`;
      return {
        ...none,
        itemName: label,
        parentName: label,
        rootId: row.project_id as number,
        rootType: 'project',
        rootName: row.project_name as string,
        taskId: id,
        projectId: row.project_id as number,
      };
    }
    if (kind === 'deal') {
      const row = deal.get(id) as Row | undefined;
      if (!row) return null;
      return {
        ...none,
        itemName: row.item_name as string,
        parentName: row.item_name as string,
        rootId: row.parent_id as number | null,
        rootType: row.parent_id === null ? null : 'company',
        rootName: row.parent_name as string | null,
        dealId: id,
        companyId: row.company_id as number | null,
        projectId: null,
      };
    }
    const row = discussion.get(id) as Row | undefined;
    if (!row) return null;
    return {
      ...none,
      itemName: row.parent_name as string,
      parentName: row.parent_name as string,
      rootId: row.root_id as number | null,
      rootType: row.root_type as string | null,
      rootName: row.root_name as string | null,
      discussionId: id,
      pageId: row.page_id as number | null,
      projectId: row.project_id as number | null,
    };
  };
}

export function commentRoutes(db: Database, { now = Date.now }: CommentOptions = {}): Hono {
  const routes = new Hono();
  const placementOf = placementFinder(db);
  const insertComment = db.prepare(
    `INSERT INTO comments (body, created_at, edited_at, deleted_at, pinned_at, creator_id, task_id)
     VALUES (?, ?, NULL, NULL, NULL, ?, ?)`,
  );
  const insertActivity = db.prepare(
    `INSERT INTO activities (kind, event, changeset, item_id, item_type, item_name, item_deleted_at,
      parent_id, parent_type, parent_name, parent_deleted_at, root_id, root_type, root_name, root_deleted_at,
      deal_is_budget, task_id, deal_id, booking_id, invoice_id, company_id, created_at, created_ms,
      discussion_id, engagement_id, page_id, person_id, purchase_order_id, expense_id, project_id,
      made_by_automation, pinned, creator_id, comment_id, email_id, attachment_id)
     VALUES (1, 'create', '[]', ?, 'comment', ?, NULL, ?, ?, ?, NULL, ?, ?, ?, NULL, 0, ?, ?, NULL, NULL, ?, ?, ?,
      ?, NULL, ?, NULL, NULL, NULL, ?, 0, 0, ?, ?, NULL, NULL)`,
  );
  const touchTask = db.prepare('UPDATE tasks SET last_activity_at = ? WHERE id = ?');
  const findComment = db.prepare('SELECT * FROM comments WHERE id = ?');

  routes.post('/', async (c) => {
    const { body, parent } = parseCommentRequest(await readRequestDocument(c.req.raw));
    const parentId = parseId(parent.id);
    const placement = parentId === null ? null : placementOf(parent.kind, parentId);
    if (parentId === null || placement === null) {
      throw notFound(`There is no ${parent.kind} ${parent.id}`);
    }
    const ms = now();
    const createdAt = iso(ms);
    const commentId = transaction(db, () => {
      const id = Number(
        insertComment.run(body, createdAt, CURRENT_PERSON_ID, placement.taskId).lastInsertRowid,
      );
      insertActivity.run(
        id,
        placement.itemName,
        parentId,
        parent.kind,
        placement.parentName,
        placement.rootId,
        placement.rootType,
        placement.rootName,
        placement.taskId,
        placement.dealId,
        placement.companyId,
        createdAt,
        ms,
        placement.discussionId,
        placement.pageId,
        placement.projectId,
        CURRENT_PERSON_ID,
        id,
      );
      if (placement.taskId !== null) touchTask.run(createdAt, placement.taskId);
      return id;
    });
    const comment = serializeComment(findComment.get(commentId) as Row);
    const { task: _task, ...relationships } = comment.relationships;
    return jsonApi(
      c,
      {
        data: {
          ...comment,
          relationships: {
            ...relationships,
            organization: { data: { type: 'organizations', id: String(ORGANIZATION_ID) } },
            creator: { data: { type: 'people', id: String(CURRENT_PERSON_ID) } },
            [parent.kind]: { data: { type: COMMENT_PARENTS[parent.kind], id: parent.id } },
          },
        },
        meta: {},
      },
      201,
    );
  });
  return routes;
}
