/**
 * Snoozes, per scope (whose inbox: `demo`, `personal:ORG:FINGERPRINT`, `team:ORG:PERSON`), in SQLite (WAL). A row is
 * one notification put off until `wake_ms`: scheduled, then woken (listed as "back from snooze" until the app
 * acknowledges it) or cancelled (undone; kept a day so a replayed undo is answered the same).
 */
import { openPrivateDatabase, type Database } from '../db/database.ts';

export type SnoozeState = 'scheduled' | 'woken' | 'cancelled';

export interface Snooze {
  scope: string;
  notificationId: string;
  state: SnoozeState;
  wakeMs: number;
  snoozedMs: number;
  wokenMs: number | null;
  /** Whether it was read when it woke: reading it afterwards clears the "back from snooze" mark. */
  readWhenWoken: boolean | null;
  /** The notification's last_action_at when last seen while snoozed (null: not known yet). */
  lastActionAt: string | null;
  /** How many times new activity arrived on it while it was snoozed. */
  newActivityCount: number;
}

interface SnoozeRow {
  scope: string;
  notification_id: string;
  state: SnoozeState;
  wake_ms: number;
  snoozed_ms: number;
  woken_ms: number | null;
  read_when_woken: number | null;
  last_action_at: string | null;
  new_activity_count: number;
}

const fromRow = (row: SnoozeRow): Snooze => ({
  scope: row.scope,
  notificationId: row.notification_id,
  state: row.state,
  wakeMs: row.wake_ms,
  snoozedMs: row.snoozed_ms,
  wokenMs: row.woken_ms,
  readWhenWoken: row.read_when_woken === null ? null : row.read_when_woken === 1,
  lastActionAt: row.last_action_at,
  newActivityCount: row.new_activity_count,
});

/** How long an undone snooze is remembered, and a woken one nobody acknowledged. */
const KEEP_CANCELLED_MS = 24 * 60 * 60 * 1000;
const KEEP_WOKEN_MS = 30 * 24 * 60 * 60 * 1000;

export class SnoozeStore {
  readonly #db: Database;
  readonly #ownsDatabase: boolean;

  /** A file of its own (personal and team mode), or a connection it shares (the demo database, opened once). */
  constructor(source: string | Database) {
    this.#ownsDatabase = typeof source === 'string';
    this.#db = typeof source === 'string' ? openPrivateDatabase(source) : source;
    this.#db.exec(`CREATE TABLE IF NOT EXISTS snoozes (
      scope TEXT NOT NULL,
      notification_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('scheduled', 'woken', 'cancelled')),
      wake_ms INTEGER NOT NULL,
      snoozed_ms INTEGER NOT NULL,
      woken_ms INTEGER,
      read_when_woken INTEGER,
      last_action_at TEXT,
      new_activity_count INTEGER NOT NULL DEFAULT 0,
      checked_ms INTEGER NOT NULL DEFAULT 0,
      changed_ms INTEGER NOT NULL,
      PRIMARY KEY (scope, notification_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS snoozes_due ON snoozes (state, wake_ms);`);
  }

  /** Puts a notification off until wakeMs (again, if it was already snoozed or back). */
  schedule(
    scope: string,
    notificationId: string,
    { wakeMs, nowMs, lastActionAt }: { wakeMs: number; nowMs: number; lastActionAt: string | null },
  ): Snooze {
    this.#db
      .prepare(
        `INSERT INTO snoozes (scope, notification_id, state, wake_ms, snoozed_ms, woken_ms, last_action_at,
          new_activity_count, checked_ms, changed_ms)
         VALUES (?, ?, 'scheduled', ?, ?, NULL, ?, 0, ?, ?)
         ON CONFLICT (scope, notification_id) DO UPDATE SET state = 'scheduled', wake_ms = excluded.wake_ms,
           snoozed_ms = excluded.snoozed_ms, woken_ms = NULL, read_when_woken = NULL, last_action_at = excluded.last_action_at,
           new_activity_count = 0, checked_ms = excluded.checked_ms, changed_ms = excluded.changed_ms`,
      )
      .run(scope, notificationId, wakeMs, nowMs, lastActionAt, nowMs, nowMs);
    return this.get(scope, notificationId) as Snooze;
  }

  /** Puts a notification's record back as it was (`before`, or none): a snooze whose dismiss failed is undone. */
  restore(scope: string, notificationId: string, before: Snooze | null): void {
    if (!before) {
      this.#db
        .prepare('DELETE FROM snoozes WHERE scope = ? AND notification_id = ?')
        .run(scope, notificationId);
      return;
    }
    this.#db
      .prepare(
        `UPDATE snoozes SET state = ?, wake_ms = ?, snoozed_ms = ?, woken_ms = ?, read_when_woken = ?,
           last_action_at = ?, new_activity_count = ?
         WHERE scope = ? AND notification_id = ?`,
      )
      .run(
        before.state,
        before.wakeMs,
        before.snoozedMs,
        before.wokenMs,
        before.readWhenWoken === null ? null : before.readWhenWoken ? 1 : 0,
        before.lastActionAt,
        before.newActivityCount,
        scope,
        notificationId,
      );
  }

  get(scope: string, notificationId: string): Snooze | null {
    const row = this.#db
      .prepare('SELECT * FROM snoozes WHERE scope = ? AND notification_id = ?')
      .get(scope, notificationId) as SnoozeRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** This scope's snoozes that the app shows: scheduled ones (soonest first) and those back from snooze. */
  list(scope: string): Snooze[] {
    const rows = this.#db
      .prepare(
        `SELECT * FROM snoozes WHERE scope = ? AND state IN ('scheduled', 'woken')
         ORDER BY state = 'scheduled', woken_ms DESC, wake_ms ASC, notification_id`,
      )
      .all(scope) as unknown as SnoozeRow[];
    return rows.map(fromRow);
  }

  markWoken(scope: string, notificationId: string, nowMs: number, read: boolean): Snooze | null {
    this.#db
      .prepare(
        `UPDATE snoozes SET state = 'woken', woken_ms = ?, read_when_woken = ?, changed_ms = ?, checked_ms = ?
         WHERE scope = ? AND notification_id = ? AND state = 'scheduled'`,
      )
      .run(nowMs, read ? 1 : 0, nowMs, nowMs, scope, notificationId);
    return this.get(scope, notificationId);
  }

  markCancelled(scope: string, notificationId: string, nowMs: number): Snooze | null {
    this.#db
      .prepare(
        `UPDATE snoozes SET state = 'cancelled', changed_ms = ?
         WHERE scope = ? AND notification_id = ? AND state != 'cancelled'`,
      )
      .run(nowMs, scope, notificationId);
    return this.get(scope, notificationId);
  }

  /** Clears a "back from snooze" mark; true when there was one. */
  acknowledge(scope: string, notificationId: string): boolean {
    const result = this.#db
      .prepare(`DELETE FROM snoozes WHERE scope = ? AND notification_id = ? AND state = 'woken'`)
      .run(scope, notificationId);
    return Number(result.changes) > 0;
  }

  /** Scopes with a snooze whose time has come. */
  scopesDue(nowMs: number): string[] {
    const rows = this.#db
      .prepare(`SELECT DISTINCT scope FROM snoozes WHERE state = 'scheduled' AND wake_ms <= ?`)
      .all(nowMs) as { scope: string }[];
    return rows.map((row) => row.scope);
  }

  /** Scopes with a scheduled snooze or one back from snooze: the ones a round looks at. */
  scopesActive(): string[] {
    const rows = this.#db
      .prepare(`SELECT DISTINCT scope FROM snoozes WHERE state IN ('scheduled', 'woken')`)
      .all() as { scope: string }[];
    return rows.map((row) => row.scope);
  }

  /** Scheduled snoozes whose time has come, soonest first, at most `limit`. */
  due(scope: string, nowMs: number, limit: number): Snooze[] {
    const rows = this.#db
      .prepare(
        `SELECT * FROM snoozes WHERE scope = ? AND state = 'scheduled' AND wake_ms <= ? ORDER BY wake_ms LIMIT ?`,
      )
      .all(scope, nowMs, limit) as unknown as SnoozeRow[];
    return rows.map(fromRow);
  }

  /** Scheduled snoozes not yet due and those back from snooze, least recently checked first. */
  toCheck(scope: string, nowMs: number, limit: number): Snooze[] {
    const rows = this.#db
      .prepare(
        `SELECT * FROM snoozes WHERE scope = ? AND (state = 'woken' OR (state = 'scheduled' AND wake_ms > ?))
         ORDER BY checked_ms, wake_ms LIMIT ?`,
      )
      .all(scope, nowMs, limit) as unknown as SnoozeRow[];
    return rows.map(fromRow);
  }

  /** Notes a look at a snoozed notification: its last_action_at, and whether that was new activity. */
  noteChecked(
    scope: string,
    notificationId: string,
    {
      nowMs,
      lastActionAt,
      newActivity,
    }: { nowMs: number; lastActionAt: string | null; newActivity: boolean },
  ): void {
    this.#db
      .prepare(
        `UPDATE snoozes SET checked_ms = ?, last_action_at = coalesce(?, last_action_at),
           new_activity_count = new_activity_count + ?
         WHERE scope = ? AND notification_id = ? AND state IN ('scheduled', 'woken')`,
      )
      .run(nowMs, lastActionAt, newActivity ? 1 : 0, scope, notificationId);
  }

  /** Forgets undone snoozes after a day and unacknowledged returns after 30 days; returns how many. */
  purge(nowMs: number): number {
    const result = this.#db
      .prepare(
        `DELETE FROM snoozes WHERE (state = 'cancelled' AND changed_ms < ?) OR (state = 'woken' AND changed_ms < ?)`,
      )
      .run(nowMs - KEEP_CANCELLED_MS, nowMs - KEEP_WOKEN_MS);
    return Number(result.changes);
  }

  /** Closes the file it opened itself; a shared connection is its owner's to close. */
  close(): void {
    if (this.#ownsDatabase) this.#db.close();
  }
}
