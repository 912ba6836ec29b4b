import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { seedDatabase } from './generate.ts';

const NOW = Date.UTC(2026, 10, 1);
const snapshot = (seed: number) => {
  const db = openDatabase(':memory:');
  seedDatabase(db, { seed, notifications: 2000, now: NOW });
  return db;
};

describe('demo data', () => {
  const db = snapshot(42);
  const notifications = db.prepare('SELECT * FROM notifications').all() as Record<
    string,
    number | string | null
  >[];

  it('holds one notification per item, as Productive does (new activity updates it)', () => {
    const items = new Set(notifications.map((row) => `${row.target_type}:${row.target_id}`));
    expect(items.size).toBe(notifications.length);
    // A large database grows its world to keep it so.
    const large = openDatabase(':memory:');
    seedDatabase(large, { seed: 42, notifications: 5000, now: NOW });
    const { total, items: distinctItems } = large
      .prepare(
        "SELECT count(*) AS total, count(DISTINCT target_type || ':' || target_id) AS items FROM notifications",
      )
      .get() as { total: number; items: number };
    expect(total).toBe(5000);
    expect(distinctItems).toBe(5000);
  }, 60_000);

  it('is the same for the same seed number and differs for another', () => {
    const again = snapshot(42).prepare('SELECT * FROM notifications').all();
    expect(again).toEqual(notifications);
    expect(snapshot(43).prepare('SELECT * FROM notifications').all()).not.toEqual(notifications);
  });

  it('has the mix an inbox needs, spread over 60 days', () => {
    const count = (test: (row: (typeof notifications)[number]) => boolean) =>
      notifications.filter(test).length;
    expect(notifications).toHaveLength(2000);
    for (const flag of ['read', 'dismissed', 'important', 'mention']) {
      expect(
        count((row) => row[flag] === 1),
        flag,
      ).toBeGreaterThan(20);
      expect(
        count((row) => row[flag] === 0),
        flag,
      ).toBeGreaterThan(20);
    }
    expect(
      count((row) => row.target_type === 'task' || row.target_type === 'todo'),
    ).toBeGreaterThan(1500);
    for (const type of ['deal', 'page', 'discussion'])
      expect(
        count((row) => row.target_type === type),
        type,
      ).toBeGreaterThan(10);
    const times = notifications.map((row) => Number(row.last_action_ms));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(55 * 86_400_000);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 60 * 86_400_000);
    expect(count((row) => /<b>.+<\/b>/.test(String(row.title)))).toBe(2000);
    expect(count((row) => String(row.excerpt).length > 0)).toBeGreaterThan(200);
  });

  it("points every unread notification's first_unread_activity_id at an activity of its target", () => {
    const activity = db.prepare('SELECT * FROM activities WHERE id = ?');
    const targetColumn: Record<string, string> = {
      task: 'task_id',
      deal: 'deal_id',
      page: 'page_id',
      discussion: 'discussion_id',
    };
    for (const row of notifications) {
      const target =
        row.target_type === 'todo'
          ? db
              .prepare(
                "SELECT count(*) AS n FROM activities WHERE item_type = 'todo' AND item_id = ?",
              )
              .get(row.target_id as number)
          : db
              .prepare(
                `SELECT count(*) AS n FROM activities WHERE ${targetColumn[String(row.target_type)]} = ?`,
              )
              .get(row.target_id as number);
      expect(
        (target as { n: number }).n,
        `activities of notification ${row.id}'s target`,
      ).toBeGreaterThan(0);
      if (row.read === 0) {
        const first = activity.get(row.first_unread_activity_id as number) as
          Record<string, unknown> | undefined;
        expect(first, `notification ${row.id}`).toBeDefined();
        if (row.target_type === 'task') expect(first?.task_id).toBe(row.target_id);
        if (row.target_type === 'todo')
          expect(first).toMatchObject({ item_type: 'todo', item_id: row.target_id });
        expect(Number(row.new_activities_count)).toBeGreaterThan(0);
      }
    }
  });
});

describe('demo data: the count a row shows is what its feed marks New', () => {
  const db = snapshot(42);
  const unread = db
    .prepare(
      'SELECT id, target_type, target_id, parent_id, new_activities_count, first_unread_activity_id FROM notifications WHERE read = 0',
    )
    .all() as {
    id: number;
    target_type: string;
    target_id: number;
    parent_id: number | null;
    new_activities_count: number;
    first_unread_activity_id: number;
  }[];

  it('counts, for every unread notification, the activities of its feed from first_unread_activity_id on', () => {
    const firstOf = db.prepare('SELECT created_ms, task_id FROM activities WHERE id = ?');
    const feedOfTask = db.prepare('SELECT created_ms FROM activities WHERE task_id = ?');
    const feedOf: Record<string, string> = {
      deal: 'deal_id',
      page: 'page_id',
      discussion: 'discussion_id',
    };
    expect(unread.length).toBeGreaterThan(100);
    let checkedTaskFeeds = 0;
    for (const row of unread) {
      const first = firstOf.get(row.first_unread_activity_id) as {
        created_ms: number;
        task_id: number;
      };
      // The feed the row opens: a task's own, a todo's parent task's, else the target's own activities.
      const feedTask =
        row.target_type === 'task'
          ? row.target_id
          : row.target_type === 'todo'
            ? row.parent_id
            : null;
      const feed = (
        feedTask !== null
          ? feedOfTask.all(feedTask)
          : db
              .prepare(`SELECT created_ms FROM activities WHERE ${feedOf[row.target_type]} = ?`)
              .all(row.target_id)
      ) as { created_ms: number }[];
      if (feedTask !== null) checkedTaskFeeds++;
      const markedNew = feed.filter((activity) => activity.created_ms >= first.created_ms).length;
      expect(row.new_activities_count, `notification ${row.id}`).toBe(markedNew);
      expect(markedNew).toBeGreaterThan(0);
    }
    expect(checkedTaskFeeds).toBeGreaterThan(100);
  });
});
