import { isIP } from 'node:net';
import { resolve } from 'node:path';

export const defaultDatabasePath = resolve('data/inbox.db');
export const defaultUpstream = 'https://api.productive.io/api/v2';
export const defaultDataDir = 'data';
export const defaultSessionTtlMs = 30 * 24 * 60 * 60 * 1000;
export const MIN_SESSION_SECRET_LENGTH = 32;
export const defaultSessionsPerPerson = 10;
export const defaultMaxSessions = 10_000;

export interface DemoMode {
  kind: 'demo';
  databasePath: string;
  seedNotifications: number;
}
/** One person's token from the environment, on their own machine: loopback only. */
export interface PersonalMode {
  kind: 'personal';
  token: string;
  organizationId: string;
  upstream: string;
  /** Where the key that names this device's data scope is kept (page-session.ts). */
  dataDir: string;
}
/** One server for a team: each person signs in with their own token; none is in the environment. */
export interface TeamMode {
  kind: 'team';
  upstream: string;
  sessionSecret: string;
  sessionTtlMs: number;
  dataDir: string;
  /** INBOX_ALLOWED_ORGANIZATIONS: the organizations whose people may sign in; empty: any. */
  allowedOrganizations: string[];
  /** INBOX_SESSIONS_PER_PERSON: a person's sessions beyond this end, oldest first. */
  sessionsPerPerson: number;
  /** INBOX_MAX_SESSIONS: sign-ins beyond this many live sessions are refused. */
  maxSessions: number;
}
export type ServerMode = DemoMode | PersonalMode | TeamMode;
export type ModeKind = ServerMode['kind'];

export interface ServerConfig {
  host: string;
  port: number;
  /** Extra names the server answers to besides 127.0.0.1, localhost and [::1] (INBOX_ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** INBOX_TRUSTED_PROXIES: peers whose X-Forwarded-For is believed (the TLS proxy in front); none by default. */
  trustedProxies: string[];
  mode: ServerMode;
}

const MODES: readonly ModeKind[] = ['demo', 'personal', 'team'];

/** Reads the server's settings from the environment; throws a readable error for bad values. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  // An IPv6 address may be written as in a URL ([::1]); the listener takes it bare.
  const host = (env.HOST?.trim() || '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  const allowedHosts = parseAllowedHosts(env.INBOX_ALLOWED_HOSTS);
  const mode = readMode(env);
  if (mode.kind === 'personal' && !isLoopbackHost(host)) {
    throw new Error(
      `Personal mode listens on this machine only, but HOST is "${host}": everyone who can reach ` +
        'that address would read and triage notifications as the owner of PRODUCTIVE_API_TOKEN. ' +
        'Use HOST=127.0.0.1 (the default), or run one server for several people with INBOX_MODE=team ' +
        '(with INBOX_SESSION_SECRET and without PRODUCTIVE_API_TOKEN), where each person signs in.',
    );
  }
  // A loopback HOST other than the usual names (127.0.0.2, say) is the server's own name too.
  if (isLoopbackHost(host) && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    allowedHosts.push(host.includes(':') ? `[${host}]` : host);
  }
  const trustedProxies = parseTrustedProxies(env.INBOX_TRUSTED_PROXIES);
  return { host, port, allowedHosts, trustedProxies, mode };
}

function readMode(env: NodeJS.ProcessEnv): ServerMode {
  const token = env.PRODUCTIVE_API_TOKEN?.trim();
  const organizationId = env.PRODUCTIVE_ORGANIZATION_ID?.trim();
  const requested = env.INBOX_MODE?.trim().toLowerCase();
  if (requested && !MODES.includes(requested as ModeKind)) {
    throw new Error(
      `INBOX_MODE must be demo, personal or team, got "${env.INBOX_MODE}"` +
        (requested === 'live' ? ' (live mode is now called personal)' : ''),
    );
  }
  const kind: ModeKind =
    (requested as ModeKind | undefined) ?? (token || organizationId ? 'personal' : 'demo');

  if (kind === 'team') {
    if (token) {
      throw new Error(
        'Team mode does not take PRODUCTIVE_API_TOKEN: nobody’s token belongs in the server’s ' +
          'environment, each person signs in with their own. Remove PRODUCTIVE_API_TOKEN.',
      );
    }
    if (organizationId) {
      throw new Error(
        'Team mode does not take PRODUCTIVE_ORGANIZATION_ID: each person gives their organization ' +
          'when they sign in. Remove PRODUCTIVE_ORGANIZATION_ID.',
      );
    }
    return {
      kind,
      upstream: parseUpstream(env.PRODUCTIVE_API_URL),
      sessionSecret: parseSessionSecret(env.INBOX_SESSION_SECRET),
      sessionTtlMs: parseSessionTtl(env.INBOX_SESSION_TTL),
      dataDir: resolve(env.INBOX_DATA_DIR?.trim() || defaultDataDir),
      allowedOrganizations: parseOrganizationList(env.INBOX_ALLOWED_ORGANIZATIONS),
      sessionsPerPerson: parseCount(
        'INBOX_SESSIONS_PER_PERSON',
        env.INBOX_SESSIONS_PER_PERSON,
        defaultSessionsPerPerson,
        1000,
      ),
      maxSessions: parseCount(
        'INBOX_MAX_SESSIONS',
        env.INBOX_MAX_SESSIONS,
        defaultMaxSessions,
        10_000_000,
      ),
    };
  }
  if (kind === 'personal') {
    if (!token || !organizationId) {
      throw new Error(
        'Personal mode needs both PRODUCTIVE_API_TOKEN and PRODUCTIVE_ORGANIZATION_ID',
      );
    }
    if (!/^\d{1,18}$/.test(organizationId)) {
      throw new Error(
        `PRODUCTIVE_ORGANIZATION_ID is a number (such as 12345), got "${organizationId}"`,
      );
    }
    return {
      kind,
      token,
      organizationId,
      upstream: parseUpstream(env.PRODUCTIVE_API_URL),
      dataDir: resolve(env.INBOX_DATA_DIR?.trim() || defaultDataDir),
    };
  }
  if (token || organizationId) {
    throw new Error(
      'INBOX_MODE=demo does not use PRODUCTIVE_API_TOKEN or PRODUCTIVE_ORGANIZATION_ID: remove them, ' +
        'or use INBOX_MODE=personal',
    );
  }
  return {
    kind,
    databasePath: resolve(env.INBOX_DB ?? defaultDatabasePath),
    // INBOX_SEED_NOTIFICATIONS sizes a newly created demo database (tests and benchmarks use large ones).
    seedNotifications: parseNotificationCount(env.INBOX_SEED_NOTIFICATIONS),
  };
}

/** Names on this machine only: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || name === '0:0:0:0:0:0:0:1';
  return false;
}

/** Productive's API base: https, or plain http only to this machine (a local stand-in). */
export function parseUpstream(value: string | undefined): string {
  const raw = value?.trim() || defaultUpstream;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PRODUCTIVE_API_URL must be a URL such as ${defaultUpstream}, got "${raw}"`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `PRODUCTIVE_API_URL must not carry credentials, a query or a fragment, got "${raw}"`,
    );
  }
  if (url.protocol === 'https:') return raw.replace(/\/+$/, '');
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return raw.replace(/\/+$/, '');
  throw new Error(
    `PRODUCTIVE_API_URL must use https (plain http only to 127.0.0.1, ::1 or localhost), ` +
      `so tokens never cross a network unencrypted; got "${raw}"`,
  );
}

function parseSessionSecret(value: string | undefined): string {
  const secret = value ?? '';
  if (secret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new Error(
      `Team mode needs INBOX_SESSION_SECRET of at least ${MIN_SESSION_SECRET_LENGTH} characters ` +
        `(it encrypts the stored tokens), got ${secret.length ? `${secret.length} characters` : 'none'}. ` +
        'Generate one with: openssl rand -base64 48',
    );
  }
  // A long secret of few distinct characters ("aaaa…", spaces) is guessable: ask for a random one.
  if (new Set(secret).size < 16 || secret.trim() !== secret) {
    throw new Error(
      'INBOX_SESSION_SECRET looks made up rather than random (too few different characters, or spaces at ' +
        'its ends). Generate one with: openssl rand -base64 48',
    );
  }
  return secret;
}

const TTL_UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/**
 * INBOX_SESSION_TTL: how long a session lasts without use. A whole number with a unit, `30d`, `12h`
 * or `90m`; a bare number is days. From 5 minutes to 365 days; 30 days by default.
 */
export function parseSessionTtl(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return defaultSessionTtlMs;
  const match = /^(\d{1,6})\s*([dhm]?)$/i.exec(value.trim());
  const ms = match ? Number(match[1]) * (TTL_UNITS[(match[2] || 'd').toLowerCase()] ?? 0) : NaN;
  if (!Number.isFinite(ms) || ms < 5 * 60_000 || ms > 365 * 86_400_000) {
    throw new Error(
      `INBOX_SESSION_TTL must be a time from 5 minutes to 365 days such as 30d, 12h or 90m ` +
        `(a bare number is days), got "${value}"`,
    );
  }
  return ms;
}

/**
 * INBOX_ALLOWED_HOSTS: comma-separated names (or IP addresses) the server also answers to, e.g.
 * `inbox.example.com,192.168.1.20`. A name without a port matches on any port (behind a TLS proxy
 * Host usually has none); `name:port` matches that port only.
 */
export function parseAllowedHosts(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      if (!/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/.test(entry)) {
        throw new Error(
          `INBOX_ALLOWED_HOSTS takes host names separated by commas, such as inbox.example.com or ` +
            `192.168.1.20:4173 (no scheme, path or wildcard), got "${entry}"`,
        );
      }
      return entry;
    });
}

/** How many notifications a demo database is seeded with: a whole number from 1 to 100,000. */
export function parseNotificationCount(value: string | undefined, fallback = 1400): number {
  const count = Number(value ?? fallback);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new Error(
      `The number of notifications must be a whole number from 1 to 100000, got "${value}"`,
    );
  }
  return count;
}

/**
 * INBOX_TRUSTED_PROXIES: comma-separated IP addresses of the proxies in front of the server (e.g. `127.0.0.1` for
 * nginx or Caddy on the same machine). Only a request from one of them has its X-Forwarded-For believed.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim().replace(/^\[(.*)\]$/, '$1'))
    .filter(Boolean)
    .map((entry) => {
      if (isIP(entry) === 0) {
        throw new Error(
          `INBOX_TRUSTED_PROXIES takes IP addresses separated by commas, such as 127.0.0.1 or ::1 ` +
            `(the proxies in front of this server), got "${entry}"`,
        );
      }
      return normalizeAddress(entry);
    });
}

/** An address as compared: IPv4-mapped IPv6 (::ffff:127.0.0.1) as plain IPv4, IPv6 in lower case. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? (mapped[1] as string) : trimmed;
}

/** INBOX_ALLOWED_ORGANIZATIONS: comma-separated organization ids; empty: any organization. */
export function parseOrganizationList(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (!/^\d{1,18}$/.test(entry)) {
        throw new Error(
          `INBOX_ALLOWED_ORGANIZATIONS takes organization ids separated by commas, such as 12345,67890, got "${entry}"`,
        );
      }
      return entry;
    });
}

function parseCount(name: string, value: string | undefined, fallback: number, max: number) {
  if (value === undefined || value.trim() === '') return fallback;
  const count = Number(value.trim());
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${value}"`);
  }
  return count;
}
