import { resolve } from 'node:path';

export const defaultDatabasePath = resolve('data/inbox.db');
export const defaultUpstream = 'https://api.productive.io/api/v2';

export type ServerMode =
  | { kind: 'demo'; databasePath: string; seedNotifications: number }
  | { kind: 'live'; token: string; organizationId: string; upstream: string };

export interface ServerConfig {
  host: string;
  port: number;
  mode: ServerMode;
}

/** Reads the server's settings from the environment; throws a readable error for bad values. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const host = env.HOST ?? '127.0.0.1';
  const token = env.PRODUCTIVE_API_TOKEN?.trim();
  const organizationId = env.PRODUCTIVE_ORGANIZATION_ID?.trim();
  if (token && organizationId) {
    return {
      host,
      port,
      mode: {
        kind: 'live',
        token,
        organizationId,
        upstream: env.PRODUCTIVE_API_URL ?? defaultUpstream,
      },
    };
  }
  if (token || organizationId) {
    throw new Error('Live mode needs both PRODUCTIVE_API_TOKEN and PRODUCTIVE_ORGANIZATION_ID');
  }
  return {
    host,
    port,
    mode: {
      kind: 'demo',
      databasePath: resolve(env.INBOX_DB ?? defaultDatabasePath),
      // INBOX_SEED_NOTIFICATIONS sizes a newly created demo database (tests and benchmarks use large ones).
      seedNotifications: parseNotificationCount(env.INBOX_SEED_NOTIFICATIONS),
    },
  };
}

/** How many notifications a demo database is seeded with: a whole number from 1 to 100,000. */
export function parseNotificationCount(value: string | undefined, fallback = 2000): number {
  const count = Number(value ?? fallback);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new Error(
      `The number of notifications must be a whole number from 1 to 100000, got "${value}"`,
    );
  }
  return count;
}
