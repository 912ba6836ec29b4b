/** npm start / npm run serve: serves the built app and the API from one process. */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { readConfig } from './config.ts';
import { openDatabase, isSeeded } from './db/database.ts';
import { seedDatabase } from './seed/generate.ts';
import { createDemoApi } from './api/router.ts';
import { createLiveApi } from './live/proxy.ts';
import { createApp } from './http/app.ts';
import { personalScope } from './auth/page-session.ts';
import { createAuthRoutes, describeSession, type AuthMode } from './auth/routes.ts';
import type { SessionIdentity } from './auth/session-store.ts';
import { verifyCredentials } from './auth/verify.ts';

let config;
try {
  config = readConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const { mode } = config;
let api;
let describeMode: string;
let close = () => {};
let authMode: AuthMode = { kind: 'demo' };
if (mode.kind === 'live') {
  api = createLiveApi(mode);
  // Who the token belongs to, for the frame; asked once in the background (the scope does not depend on it).
  let identity: SessionIdentity | null = null;
  void verifyCredentials({
    upstream: mode.upstream,
    token: mode.token,
    organizationId: mode.organizationId,
  }).then((result) => {
    if (result.ok) identity = result.identity;
    else console.warn(`Productive did not confirm the token's owner (${result.failure})`);
  });
  authMode = {
    kind: 'personal',
    scope: personalScope(
      resolve(process.env.INBOX_DATA_DIR ?? 'data'),
      mode.token,
      mode.organizationId,
    ),
    organizationId: mode.organizationId,
    identity: () => identity,
  };
  describeMode = `live: Productive organization ${mode.organizationId} via ${mode.upstream}`;
} else {
  const db = openDatabase(mode.databasePath);
  if (!isSeeded(db)) {
    const notifications = mode.seedNotifications;
    console.log(
      `Creating the demo database at ${mode.databasePath} (${notifications} notifications) …`,
    );
    seedDatabase(db, { notifications });
  }
  api = createDemoApi(db);
  describeMode = `demo: database ${mode.databasePath}`;
  close = () => db.close();
}

const app = createApp({
  api,
  staticRoot: resolve(process.env.INBOX_STATIC_ROOT ?? 'dist'),
  auth: createAuthRoutes(authMode),
  pageSession: (c) => describeSession(c, authMode),
});
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Productive inbox on http://${host}:${info.port} (${describeMode})`);
});
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
