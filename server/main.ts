/** npm start / npm run serve: serves the built app and the API from one process. */
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { readConfig } from './config.ts';
import {
  describeStorageError,
  isSeeded,
  isStorageError,
  openDatabase,
  StorageOpenError,
  type Database,
} from './db/database.ts';
import { seedDatabase } from './seed/generate.ts';
import { createDemoApi } from './api/router.ts';
import { createLiveApi } from './live/proxy.ts';
import { RateBudget, rateLimitsFromEnvironment, withRateBudget } from './live/rate-budget.ts';
import { createApp } from './http/app.ts';
import { deriveTokenKey } from './auth/crypto.ts';
import { personalScope } from './auth/page-session.ts';
import {
  createAuthRoutes,
  describeSession,
  refreshSessionCookie,
  type AuthMode,
} from './auth/routes.ts';
import { SessionStore, type SessionIdentity } from './auth/session-store.ts';
import { startSessionPurge } from './auth/session-purge.ts';
import { createTeamApi } from './auth/team.ts';
import { verifyCredentials } from './auth/verify.ts';
import { demoOwners, personalOwners, teamOwners, type InboxOwners } from './inbox/owners.ts';
import { createSnoozes } from './inbox/snoozes.ts';
import { parseTestClock } from './inbox/clock.ts';

let config;
let testClock;
try {
  config = readConfig();
  testClock = parseTestClock(process.env.INBOX_TEST_CLOCK);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const { mode } = config;
// Productive's two windows (100 per 10 s, 4,000 per 30 min) per token, in every mode; INBOX_RATE_LIMITS=off lifts them.
let budget: RateBudget;
try {
  budget = new RateBudget(rateLimitsFromEnvironment());
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
let api: Hono;
let describeMode: string;
let authMode: AuthMode = { kind: 'demo' };
let close = () => {};
// Where snoozes are kept, and for whom: see docs/decisions/009-snooze.md.
let snoozeStorage: string | Database;
let owners: InboxOwners;

/**
 * A storage failure at start (a full or read-only disk, a file the server may not write) is said in one line that
 * names the file and the cause, never a stack; anything else is a bug and keeps its stack.
 */
function exitOnStorageFailure(error: unknown): never {
  if (error instanceof StorageOpenError) console.error(error.message);
  else if (isStorageError(error) || (error as { syscall?: string }).syscall) {
    const path = (error as { path?: string }).path;
    console.error(`Cannot start: ${path ? `${path}: ` : ''}${describeStorageError(error)}`);
  } else throw error;
  process.exit(1);
}

try {
  if (mode.kind === 'team') {
    const store = new SessionStore({
      path: join(resolve(mode.dataDir), 'sessions.db'),
      key: deriveTokenKey(mode.sessionSecret),
      ttlMs: mode.sessionTtlMs,
      sessionsPerPerson: mode.sessionsPerPerson,
      maxSessions: mode.maxSessions,
    });
    // At start and hourly; a failure (a full disk) is logged and tried again, never the end of the process.
    startSessionPurge(store);
    api = createTeamApi({ store, upstream: mode.upstream, budget });
    authMode = {
      kind: 'team',
      store,
      upstream: mode.upstream,
      ttlMs: mode.sessionTtlMs,
      trustedProxies: config.trustedProxies,
      allowedOrganizations: mode.allowedOrganizations,
    };
    describeMode = `team: each person signs in; Productive at ${mode.upstream}`;
    close = () => store.close();
    snoozeStorage = join(resolve(mode.dataDir), 'snoozes.db');
    owners = teamOwners({ store, upstream: mode.upstream });
  } else if (mode.kind === 'personal') {
    const credentials = { token: mode.token, organizationId: mode.organizationId };
    api = createLiveApi({ upstream: mode.upstream, credentials: () => credentials, budget });
    // Who the token belongs to, for the frame; asked once in the background (the scope does not depend on it).
    let identity: SessionIdentity | null = null;
    void verifyCredentials({ upstream: mode.upstream, ...credentials }).then((result) => {
      if (result.ok) identity = result.identity;
      else console.warn(`Productive did not confirm whose token this is (${result.failure})`);
    });
    const scope = personalScope(resolve(mode.dataDir), mode.token, mode.organizationId);
    authMode = {
      kind: 'personal',
      scope,
      organizationId: mode.organizationId,
      identity: () => identity,
    };
    snoozeStorage = join(resolve(mode.dataDir), 'snoozes.db');
    owners = personalOwners({ scope, upstream: mode.upstream, credentials });
    describeMode = `personal: Productive organization ${mode.organizationId} via ${mode.upstream}`;
  } else {
    const db = openDatabase(mode.databasePath);
    if (!isSeeded(db)) {
      const notifications = mode.seedNotifications;
      console.log(
        `Creating the demo database at ${mode.databasePath} (${notifications} notifications) …`,
      );
      try {
        seedDatabase(db, { notifications });
      } catch (error) {
        // A full disk while seeding: said with the file's name, like any other storage failure at start.
        if (!isStorageError(error)) throw error;
        throw new StorageOpenError(mode.databasePath, error);
      }
    }
    // The demo person's requests count like a token's, so demo mode meets the same limits as the real thing.
    api = withRateBudget(createDemoApi(db), budget, () => 'demo');
    describeMode = `demo: database ${mode.databasePath}`;
    close = () => db.close();
    // The demo's snoozes live with the demo's notifications, in the same file (table `snoozes`), over the same
    // connection: a file is opened once per process, or its locks would not hold (db/database.ts).
    snoozeStorage = db;
    owners = demoOwners(db);
  }
} catch (error) {
  exitOnStorageFailure(error);
}

let snoozes: ReturnType<typeof createSnoozes>;
try {
  snoozes = createSnoozes({
    storage: snoozeStorage,
    owners,
    testClock: testClock ?? false,
  });
} catch (error) {
  exitOnStorageFailure(error);
}
if (testClock) {
  console.warn(
    `INBOX_TEST_CLOCK: POST /api/inbox/test-clock moves the snooze clock (for tests only)${
      testClock.start === undefined
        ? ''
        : `; it starts at ${new Date(testClock.start).toISOString()}`
    }`,
  );
}
snoozes.start();
const closeStores = close;
close = () => {
  snoozes.close();
  closeStores();
};

let app: Hono | undefined;
const appFor = (port: number) =>
  createApp({
    api,
    inbox: snoozes.routes,
    staticRoot: resolve(process.env.INBOX_STATIC_ROOT ?? 'dist'),
    port,
    allowedHosts: config.allowedHosts,
    auth: createAuthRoutes(authMode),
    currentScope: (c) => describeSession(c, authMode).scope,
    pageSession: (c) => {
      refreshSessionCookie(c, authMode);
      return describeSession(c, authMode);
    },
  });
// With PORT=0 the port is known only once listening; the allowlist needs the real one.
if (config.port !== 0) app = appFor(config.port);
const server = serve(
  {
    fetch: (request, env) => (app as Hono).fetch(request, env),
    hostname: config.host,
    port: config.port,
  },
  (info) => {
    app ??= appFor(info.port);
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    console.log(`Productive inbox on http://${host}:${info.port} (${describeMode})`);
  },
);
server.on('error', (error) => {
  console.error(`Could not start the server: ${error.message}`);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    close();
    process.exit(0);
  });
}
