/**
 * Mutes, per scope (docs/decisions/018-saved-views-and-mute.md): an item (a notification's target, `task` 123) or a
 * whole project whose new notifications the server dismisses as they arrive, unless they mention the person. Beside
 * them, which notification the round dismissed at which activity, so that a notification the person brings back
 * by hand is not dismissed again until something new happens on it.
 */
import type { Database } from '../db/database.ts';

export type MuteKind = 'item' | 'project';

export interface Mute {
  kind: MuteKind;
  /** An item's target type, lower case (`task`, `deal`); `project` for a project. */
  targetType: string;
  targetId: string;
  /** What the person saw when muting (the item's title, the project's name), for the Muted list. */
  title: string;
  mutedMs: number;
}

/** How many mutes a person may keep, and how long a title is kept. */
export const MAX_MUTES = 500;
export const MAX_MUTE_TITLE = 200;

interface MuteRow {
  kind: MuteKind;
  target_type: string;
  target_id: string;
  title: string;
  muted_ms: number;
}

const fromRow = (row: MuteRow): Mute => ({
  kind: row.kind,
  targetType: row.target_type,
  targetId: row.target_id,
  title: row.title,
  mutedMs: row.muted_ms,
});

export class TooManyMutesError extends Error {
  constructor() {
    super(`A person can keep at most ${MAX_MUTES} mutes`);
  }
}

export class MuteStore {
  readonly #db: Database;

  /** The connection it shares (the demo database, or the server's own state file). */
  constructor(db: Database) {
    this.#db = db;
    this.#db.exec(`CREATE TABLE IF NOT EXISTS mutes (
      scope TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('item', 'project')),
      target_type TEXT NOT NULL,
      target_id TEXT NOT NULL,
      title TEXT NOT NULL,
      muted_ms INTEGER NOT NULL,
      PRIMARY KEY (scope, kind, target_type, target_id)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS mute_dismissals (
      scope TEXT NOT NULL,
      notification_id TEXT NOT NULL,
      last_action_ms INTEGER NOT NULL,
      PRIMARY KEY (scope, notification_id)
    ) STRICT;`);
  }

  /** This scope's mutes, newest first. */
  list(scope: string): Mute[] {
    const rows = this.#db
      .prepare(
        'SELECT kind, target_type, target_id, title, muted_ms FROM mutes WHERE scope = ? ORDER BY muted_ms DESC, target_id',
      )
      .all(scope) as unknown as MuteRow[];
    return rows.map(fromRow);
  }

  /** Mutes it (again: the title and time are renewed). */
  mute(scope: string, mute: Mute): Mute {
    const exists = this.#db
      .prepare(
        'SELECT 1 FROM mutes WHERE scope = ? AND kind = ? AND target_type = ? AND target_id = ?',
      )
      .get(scope, mute.kind, mute.targetType, mute.targetId);
    if (!exists) {
      const { count } = this.#db
        .prepare('SELECT count(*) AS count FROM mutes WHERE scope = ?')
        .get(scope) as { count: number };
      if (count >= MAX_MUTES) throw new TooManyMutesError();
    }
    this.#db
      .prepare(
        `INSERT INTO mutes (scope, kind, target_type, target_id, title, muted_ms) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, kind, target_type, target_id) DO UPDATE SET title = excluded.title,
           muted_ms = excluded.muted_ms`,
      )
      .run(scope, mute.kind, mute.targetType, mute.targetId, mute.title, mute.mutedMs);
    return mute;
  }

  /** Unmutes it; true when it was muted. */
  unmute(scope: string, kind: MuteKind, targetType: string, targetId: string): boolean {
    const result = this.#db
      .prepare(
        'DELETE FROM mutes WHERE scope = ? AND kind = ? AND target_type = ? AND target_id = ?',
      )
      .run(scope, kind, targetType, targetId);
    return Number(result.changes) > 0;
  }

  /** Scopes with at least one mute: the ones a round looks at. */
  scopesWithMutes(): string[] {
    const rows = this.#db.prepare('SELECT DISTINCT scope FROM mutes').all() as { scope: string }[];
    return rows.map((row) => row.scope);
  }

  /** Whether the round already dismissed this notification at this activity. */
  dismissedAt(scope: string, notificationId: string, lastActionMs: number): boolean {
    return (
      this.#db
        .prepare(
          'SELECT 1 FROM mute_dismissals WHERE scope = ? AND notification_id = ? AND last_action_ms >= ?',
        )
        .get(scope, notificationId, lastActionMs) !== undefined
    );
  }

  noteDismissed(scope: string, notificationId: string, lastActionMs: number): void {
    this.#db
      .prepare(
        `INSERT INTO mute_dismissals (scope, notification_id, last_action_ms) VALUES (?, ?, ?)
         ON CONFLICT (scope, notification_id) DO UPDATE SET last_action_ms = excluded.last_action_ms`,
      )
      .run(scope, notificationId, lastActionMs);
  }
}
