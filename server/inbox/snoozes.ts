/** The snooze feature assembled for a server: store, service, routes, and the timer that wakes snoozes when due. */
import type { Hono } from 'hono';
import { openPrivateDatabase, type Database } from '../db/database.ts';
import { SettableClock, systemClock, type Clock } from './clock.ts';
import type { InboxOwners } from './owners.ts';
import { createInboxRoutes } from './routes.ts';
import { SnoozeService } from './snooze-service.ts';
import { SnoozeStore } from './snooze-store.ts';
import { MuteService } from './mute-service.ts';
import { MuteStore } from './mute-store.ts';
import { ViewStore } from './view-store.ts';

/** How often the server looks for snoozes whose time has come (and at start). */
export const SNOOZE_TICK_MS = 30_000;

export interface Snoozes {
  routes: Hono;
  service: SnoozeService;
  mutes: MuteService;
  /** Runs a round now and every SNOOZE_TICK_MS; the timer does not keep the process alive. */
  start(): void;
  close(): void;
}

export function createSnoozes({
  storage,
  owners,
  testClock = false,
  clock,
}: {
  /** The SQLite file (WAL) that holds the schedule, or the open connection to share (demo: its own database). */
  storage: string | Database;
  owners: InboxOwners;
  /**
   * INBOX_TEST_CLOCK: a clock that POST /api/inbox/test-clock moves; `true` starts it at the real time, `{ start }`
   * at that instant (before the first round runs).
   */
  testClock?: boolean | { start?: number };
  clock?: Clock;
}): Snoozes {
  // One connection for the file, shared by the three stores (a file is opened once per process: db/database.ts).
  const ownsDatabase = typeof storage === 'string';
  const db = typeof storage === 'string' ? openPrivateDatabase(storage) : storage;
  const store = new SnoozeStore(db);
  const views = new ViewStore(db);
  const settable = testClock
    ? new SettableClock(Date.now, testClock === true ? undefined : testClock.start)
    : undefined;
  const service = new SnoozeService({
    store,
    clock: settable ?? clock ?? systemClock,
    gatewayFor: owners.gatewayFor,
  });
  const mutes = new MuteService({
    store: new MuteStore(db),
    clock: settable ?? clock ?? systemClock,
    gatewayFor: owners.gatewayFor,
  });
  let timer: NodeJS.Timeout | undefined;
  const round = () => {
    service.tick().catch((error: unknown) => {
      console.error('Waking snoozed notifications failed:', (error as Error).message);
    });
    mutes.tick().catch((error: unknown) => {
      console.error('Dismissing muted notifications failed:', (error as Error).message);
    });
  };
  return {
    routes: createInboxRoutes({
      service,
      ownerOf: owners.ownerOf,
      middleware: owners.middleware,
      testClock: settable,
      preferences: { views, mutes },
    }),
    service,
    mutes,
    start() {
      round();
      timer = setInterval(round, SNOOZE_TICK_MS);
      timer.unref();
    },
    close() {
      clearInterval(timer);
      store.close();
      if (ownsDatabase) db.close();
    },
  };
}
