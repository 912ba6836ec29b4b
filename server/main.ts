/** npm start / npm run serve: serves the built app and the API from one process. */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { readConfig } from './config.ts';
import { openDatabase, isSeeded } from './db/database.ts';
import { seedDatabase } from './seed/generate.ts';
import { createDemoApi } from './api/router.ts';
import { createLiveApi } from './live/proxy.ts';
import { createApp } from './http/app.ts';

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
if (mode.kind === 'team') {
  console.error('Team mode (INBOX_MODE=team) is not available yet in this version of the server.');
  process.exit(2);
} else if (mode.kind === 'personal') {
  const credentials = { token: mode.token, organizationId: mode.organizationId };
  api = createLiveApi({ upstream: mode.upstream, credentials: () => credentials });
  describeMode = `personal: Productive organization ${mode.organizationId} via ${mode.upstream}`;
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

let app: ReturnType<typeof createApp> | undefined;
const appFor = (port: number) =>
  createApp({
    api,
    staticRoot: resolve(process.env.INBOX_STATIC_ROOT ?? 'dist'),
    port,
    allowedHosts: config.allowedHosts,
  });
// With PORT=0 the port is known only once listening; the allowlist needs the real one.
if (config.port !== 0) app = appFor(config.port);
const server = serve(
  {
    fetch: (request) => (app as ReturnType<typeof createApp>).fetch(request),
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
