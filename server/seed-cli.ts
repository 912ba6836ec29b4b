/** npm run seed -- [--notifications N] [--seed S] [--db PATH]: regenerates the demo database. */
import { parseArgs } from 'node:util';
import { openDatabase } from './db/database.ts';
import { seedDatabase } from './seed/generate.ts';
import { defaultDatabasePath, parseNotificationCount } from './config.ts';

const { values } = parseArgs({
  options: {
    notifications: { type: 'string', default: '1400' },
    seed: { type: 'string', default: '42' },
    db: { type: 'string' },
  },
});
let notifications: number;
try {
  notifications = parseNotificationCount(values.notifications);
} catch (error) {
  console.error(`--notifications: ${(error as Error).message}`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error('--seed must be a whole number');
  process.exit(2);
}
const path = values.db ?? process.env.INBOX_DB ?? defaultDatabasePath;
const started = performance.now();
const db = openDatabase(path);
seedDatabase(db, { seed, notifications });
db.close();
console.log(
  `Seeded ${path} with ${notifications} notifications (seed ${seed}) in ${Math.round(performance.now() - started)} ms`,
);
