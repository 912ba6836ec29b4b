import { transaction, markSeeded, type Database } from '../db/database.ts';
import { tables } from '../db/schema.ts';
import { alignNewActivityCounts, insertActivities, insertNotifications } from './insert.ts';
import { createRandom } from './random.ts';
import { buildWorld } from './world.ts';

export { CURRENT_MEMBERSHIP_ID, CURRENT_PERSON_ID, ORGANIZATION_ID, iso } from './drafts.ts';

export const DEFAULT_NOTIFICATIONS = 1400;

export interface SeedOptions {
  seed?: number;
  /**
   * How many notifications, one per item (task, todo, deal, page, discussion): the world grows to have enough items.
   * About 1,400 by default, on about as many items as the demo always had.
   */
  notifications?: number;
  /** The moment the data is anchored to; every time lies in the 60 days before it. */
  now?: number;
}

/** Replaces the database's content with deterministic demo data. */
export function seedDatabase(db: Database, options: SeedOptions = {}): void {
  const seed = options.seed ?? 42;
  const notificationCount = options.notifications ?? DEFAULT_NOTIFICATIONS;
  const now = options.now ?? Math.floor(Date.now() / 60_000) * 60_000;
  const random = createRandom(seed);

  transaction(db, () => {
    for (const table of tables) db.exec(`DELETE FROM ${table}`);
    // Demo snoozes (server/inbox/) name notifications of the data being replaced: they go with it.
    const snoozes = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snoozes'")
      .get();
    if (snoozes) db.exec('DELETE FROM snoozes');
    // So do mutes (they name its items and projects); saved views are addresses, and stay (decision 018).
    for (const table of ['mutes', 'mute_dismissals']) {
      const exists = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table);
      if (exists) db.exec(`DELETE FROM ${table}`);
    }
    const world = buildWorld(db, random, now, notificationCount);
    insertActivities(db, world.targets);
    insertNotifications(db, random, world, notificationCount);
    alignNewActivityCounts(db);
    markSeeded(db, seed);
  });
}
