/**
 * Saved views, per scope (whose inbox: `demo`, `personal:ORG:FINGERPRINT`, `team:ORG:PERSON`), in SQLite beside the
 * snoozes (docs/decisions/018-saved-views-and-mute.md). A view is a name and an inbox address (path and query, as
 * the address bar held it), kept in the person's order.
 */
import { randomUUID } from 'node:crypto';
import { transaction, type Database } from '../db/database.ts';

export interface SavedView {
  id: string;
  name: string;
  /** The inbox address it opens: `/mentions?type=task&q=…`. */
  address: string;
  position: number;
}

/** How many views a person may keep, and how long a name may be. */
export const MAX_VIEWS = 50;
export const MAX_VIEW_NAME = 80;
export const MAX_VIEW_ADDRESS = 2000;

export class TooManyViewsError extends Error {
  constructor() {
    super(`A person can keep at most ${MAX_VIEWS} saved views`);
  }
}

export class ViewStore {
  readonly #db: Database;

  /** The connection it shares (the demo database, or the server's own state file). */
  constructor(db: Database) {
    this.#db = db;
    this.#db.exec(`CREATE TABLE IF NOT EXISTS saved_views (
      scope TEXT NOT NULL,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      address TEXT NOT NULL,
      position INTEGER NOT NULL,
      created_ms INTEGER NOT NULL,
      PRIMARY KEY (scope, id)
    ) STRICT;`);
  }

  /** This scope's views, in the person's order. */
  list(scope: string): SavedView[] {
    return this.#db
      .prepare(
        'SELECT id, name, address, position FROM saved_views WHERE scope = ? ORDER BY position, created_ms, id',
      )
      .all(scope) as unknown as SavedView[];
  }

  get(scope: string, id: string): SavedView | null {
    const row = this.#db
      .prepare('SELECT id, name, address, position FROM saved_views WHERE scope = ? AND id = ?')
      .get(scope, id) as SavedView | undefined;
    return row ?? null;
  }

  /** Adds a view at the end of the list. */
  create(scope: string, { name, address }: { name: string; address: string }, nowMs: number) {
    return transaction(this.#db, () => {
      const views = this.list(scope);
      if (views.length >= MAX_VIEWS) throw new TooManyViewsError();
      const id = randomUUID();
      this.#db
        .prepare(
          'INSERT INTO saved_views (scope, id, name, address, position, created_ms) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(scope, id, name, address, views.length, nowMs);
      return this.get(scope, id) as SavedView;
    });
  }

  /** Renames it, points it at another address and/or moves it to `position` (0 first; clamped to the list). */
  update(
    scope: string,
    id: string,
    change: { name?: string; address?: string; position?: number },
  ): SavedView | null {
    return transaction(this.#db, () => {
      if (!this.get(scope, id)) return null;
      if (change.name !== undefined || change.address !== undefined) {
        this.#db
          .prepare(
            'UPDATE saved_views SET name = coalesce(?, name), address = coalesce(?, address) WHERE scope = ? AND id = ?',
          )
          .run(change.name ?? null, change.address ?? null, scope, id);
      }
      if (change.position !== undefined) {
        const others = this.list(scope).filter((view) => view.id !== id);
        const at = Math.max(0, Math.min(change.position, others.length));
        const order = [
          ...others.slice(0, at).map((v) => v.id),
          id,
          ...others.slice(at).map((v) => v.id),
        ];
        const move = this.#db.prepare(
          'UPDATE saved_views SET position = ? WHERE scope = ? AND id = ?',
        );
        order.forEach((viewId, index) => move.run(index, scope, viewId));
      }
      return this.get(scope, id);
    });
  }

  /** Deletes it; true when there was one. The others close the gap. */
  delete(scope: string, id: string): boolean {
    return transaction(this.#db, () => {
      const result = this.#db
        .prepare('DELETE FROM saved_views WHERE scope = ? AND id = ?')
        .run(scope, id);
      const move = this.#db.prepare(
        'UPDATE saved_views SET position = ? WHERE scope = ? AND id = ?',
      );
      this.list(scope).forEach((view, index) => move.run(index, scope, view.id));
      return Number(result.changes) > 0;
    });
  }
}
