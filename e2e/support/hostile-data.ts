import { DatabaseSync } from 'node:sqlite';
import { XSS_CORPUS } from './xss-corpus.ts';

type Row = Record<string, string | number | null>;

/** A marker that survives every rendering (case aside): where it shows, the field around it was rendered. */
export const marker = (field: string, index: number) => `${field}q${index}q`;
const hostile = (field: string, index: number) =>
  `${marker(field, index)} ${XSS_CORPUS[index % XSS_CORPUS.length]}`;

export interface HostileWorld {
  projectId: number;
  taskId: number;
  notificationIds: number[];
  activityCount: number;
  /** Removes every planted row, so later tests see the demo data as it was. */
  remove(): void;
}

/**
 * Plants hostile strings straight into the e2e server's SQLite database (WAL lets the running server see them):
 * a person, a project and a task with hostile names, one notification per corpus entry with hostile titles,
 * parent titles, excerpts and labels, and on the task a comment, a changeset and an email per corpus entry.
 */
export function plantHostileWorld(path: string): HostileWorld {
  const db = new DatabaseSync(path);
  const planted: [table: string, id: number][] = [];
  const one = (sql: string, ...params: (string | number)[]) =>
    db.prepare(sql).get(...params) as Row | undefined;
  const copy = (table: string, source: Row, overrides: Row): number => {
    const next = Number(one(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${table}`)?.id);
    const row: Row = { ...source, ...overrides, id: next };
    const columns = Object.keys(row);
    db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((column) => row[column] ?? null));
    planted.push([table, next]);
    return next;
  };
  const template = (sql: string) => {
    const row = one(sql);
    if (!row) throw new Error(`No template row for: ${sql}`);
    return row;
  };

  // One person per payload: actors of the notifications, authors of the comments.
  const personTemplate = template('SELECT * FROM people WHERE id = 2');
  const people = XSS_CORPUS.map((payload, index) =>
    copy('people', personTemplate, {
      first_name: `${marker('n', index)} ${payload}`,
      last_name: XSS_CORPUS[(index + 1) % XSS_CORPUS.length] as string,
    }),
  );
  const personId = people[0] as number;
  const projectId = copy('projects', template('SELECT * FROM projects LIMIT 1'), {
    name: hostile('p', 5),
  });
  const taskId = copy('tasks', template('SELECT * FROM tasks LIMIT 1'), {
    title: hostile('t', 13),
    description: hostile('d', 14),
    project_id: projectId,
    creator_id: personId,
    assignee_id: personId,
  });

  const now = Date.now();
  const activity = (kind: number, offset: number, overrides: Row) => {
    const createdMs = now - 3_600_000 + offset * 1000;
    return copy('activities', template(`SELECT * FROM activities WHERE kind = ${kind} LIMIT 1`), {
      task_id: taskId,
      project_id: projectId,
      creator_id: personId,
      deal_id: null,
      page_id: null,
      discussion_id: null,
      item_name: hostile('i', offset),
      parent_name: hostile('r', offset),
      root_name: hostile('o', offset),
      created_ms: createdMs,
      created_at: new Date(createdMs).toISOString().replace('Z', '+00:00'),
      ...overrides,
    });
  };
  const activityIds: number[] = [];
  XSS_CORPUS.forEach((payload, index) => {
    const commentId = copy('comments', template('SELECT * FROM comments LIMIT 1'), {
      body: `${marker('c', index)} ${payload}`,
      creator_id: people[index] as number,
      task_id: taskId,
    });
    activityIds.push(
      activity(1, index * 3, {
        comment_id: commentId,
        item_id: commentId,
        creator_id: people[index] as number,
      }),
    );
    const changeset = [
      { [`${marker('f', index)} ${payload}`]: [hostile('v', index), hostile('w', index)] },
      { title: [null, hostile('x', index)] },
      { assignee: [{ id: 1, value: hostile('a', index) }, null] },
    ];
    activityIds.push(activity(2, index * 3 + 1, { changeset: JSON.stringify(changeset) }));
    if (index % 4 === 0) {
      const emailId = copy('emails', template('SELECT * FROM emails LIMIT 1'), {
        subject: hostile('s', index),
        body: hostile('b', index),
        from_name: hostile('m', index),
      });
      activityIds.push(activity(3, index * 3 + 2, { email_id: emailId, item_id: emailId }));
    }
  });

  const notificationIds = XSS_CORPUS.map((payload, index) =>
    copy(
      'notifications',
      template("SELECT * FROM notifications WHERE target_type = 'task' LIMIT 1"),
      {
        target_id: taskId,
        target_title: hostile('g', index),
        parent_title: hostile('h', index),
        title: `${marker('z', index)} ${payload}`,
        excerpt: hostile('e', index),
        target_label: 'task',
        read: 0,
        dismissed: 0,
        new_activities_count: 2,
        first_unread_activity_id: activityIds.at(-2) ?? null,
        changeset: JSON.stringify([{ [payload]: [payload, payload] }]),
        actor_id: people[index] as number,
        project_id: projectId,
        last_action_ms: now - index * 1000,
        last_action_at: new Date(now - index * 1000).toISOString().replace('Z', '+00:00'),
      },
    ),
  );

  return {
    projectId,
    taskId,
    notificationIds,
    activityCount: activityIds.length,
    remove() {
      for (const [table, id] of planted.reverse())
        db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      db.close();
    },
  };
}
