import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { inheritedEnv } from './testing/child-env.ts';

const SECRET = 'a-session-secret-that-is-long-enough-0123';

describe('server configuration', () => {
  it('defaults to demo mode on 127.0.0.1:4173', () => {
    const config = readConfig({ INBOX_DB: '/tmp/x.db' });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4173,
      allowedHosts: [],
      mode: { kind: 'demo', databasePath: '/tmp/x.db' },
    });
    expect(readConfig({ INBOX_MODE: 'demo' }).mode.kind).toBe('demo');
  });

  it('goes personal with a token and organization, to Productive unless told otherwise', () => {
    const config = readConfig({
      PRODUCTIVE_API_TOKEN: 't',
      PRODUCTIVE_ORGANIZATION_ID: '1',
      PORT: '8080',
    });
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 8080,
      allowedHosts: [],
      trustedProxies: [],
      mode: {
        kind: 'personal',
        token: 't',
        organizationId: '1',
        upstream: 'https://api.productive.io/api/v2',
        dataDir: expect.stringMatching(/\/data$/),
      },
    });
    for (const host of ['localhost', '127.0.0.1', '127.0.0.2', '::1', '[::1]']) {
      expect(
        readConfig({
          INBOX_MODE: 'personal',
          HOST: host,
          PRODUCTIVE_API_TOKEN: 't',
          PRODUCTIVE_ORGANIZATION_ID: '1',
        }).mode.kind,
      ).toBe('personal');
    }
  });

  it('refuses to serve one person’s token beyond this machine, saying why and what to do', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'inbox.example.com', '10.0.0.1']) {
      const start = () =>
        readConfig({ HOST: host, PRODUCTIVE_API_TOKEN: 't', PRODUCTIVE_ORGANIZATION_ID: '1' });
      expect(start, host).toThrow(/everyone who can reach/);
      expect(start, host).toThrow(/HOST=127\.0\.0\.1/);
      expect(start, host).toThrow(/INBOX_MODE=team/);
    }
    expect(readConfig({ HOST: '[::1]' }).host).toBe('::1');
    // Demo mode has no one's token: it may listen where it is told.
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('exits non-zero with that message when started that way', () => {
    const result = spawnSync(process.execPath, ['server/main.ts'], {
      env: {
        ...inheritedEnv(),
        HOST: '0.0.0.0',
        PORT: '0',
        PRODUCTIVE_API_TOKEN: 'pat-123',
        PRODUCTIVE_ORGANIZATION_ID: '1',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toMatch(/HOST is "0\.0\.0\.0"/);
    expect(result.stderr).toMatch(/HOST=127\.0\.0\.1/);
    expect(result.stdout).not.toMatch(/Productive inbox on/);
  });

  it('refuses to start in team mode without a long enough secret, and says so', () => {
    const result = spawnSync(process.execPath, ['server/main.ts'], {
      env: { ...inheritedEnv(), PORT: '0', INBOX_MODE: 'team', INBOX_SESSION_SECRET: 'short' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/INBOX_SESSION_SECRET/);
  });

  it('reads the trusted proxies, allowed organizations and session caps, refusing what is not one', () => {
    const config = readConfig({
      INBOX_MODE: 'team',
      INBOX_SESSION_SECRET: SECRET,
      INBOX_TRUSTED_PROXIES: '127.0.0.1, ::ffff:10.0.0.2,[::1]',
      INBOX_ALLOWED_ORGANIZATIONS: '4242, 17',
      INBOX_SESSIONS_PER_PERSON: '3',
      INBOX_MAX_SESSIONS: '500',
    });
    expect(config.trustedProxies).toEqual(['127.0.0.1', '10.0.0.2', '::1']);
    expect(config.mode).toMatchObject({
      allowedOrganizations: ['4242', '17'],
      sessionsPerPerson: 3,
      maxSessions: 500,
    });
    const team = { INBOX_MODE: 'team', INBOX_SESSION_SECRET: SECRET };
    expect(() => readConfig({ ...team, INBOX_TRUSTED_PROXIES: 'nginx' })).toThrow(
      /INBOX_TRUSTED_PROXIES takes IP addresses.*"nginx"/,
    );
    expect(() => readConfig({ ...team, INBOX_TRUSTED_PROXIES: '10.0.0.0/8' })).toThrow(
      /INBOX_TRUSTED_PROXIES/,
    );
    expect(() => readConfig({ ...team, INBOX_ALLOWED_ORGANIZATIONS: 'acme' })).toThrow(
      /INBOX_ALLOWED_ORGANIZATIONS takes organization ids.*"acme"/,
    );
    expect(() => readConfig({ ...team, INBOX_MAX_SESSIONS: '0' })).toThrow(
      /INBOX_MAX_SESSIONS must be a whole number from 1/,
    );
    expect(() => readConfig({ ...team, INBOX_SESSIONS_PER_PERSON: '2.5' })).toThrow(
      /INBOX_SESSIONS_PER_PERSON/,
    );
  });

  it('reads team mode’s settings, with defaults', () => {
    const config = readConfig({
      INBOX_MODE: 'team',
      INBOX_SESSION_SECRET: SECRET,
      HOST: '0.0.0.0',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.mode).toEqual({
      kind: 'team',
      upstream: 'https://api.productive.io/api/v2',
      sessionSecret: SECRET,
      sessionTtlMs: 30 * 86_400_000,
      dataDir: expect.stringMatching(/\/data$/),
      allowedOrganizations: [],
      sessionsPerPerson: 10,
      maxSessions: 10_000,
    });
    expect(
      readConfig({
        INBOX_MODE: 'team',
        INBOX_SESSION_SECRET: SECRET,
        PRODUCTIVE_API_URL: 'http://127.0.0.1:9999/api/v2/',
        INBOX_SESSION_TTL: '12h',
        INBOX_DATA_DIR: '/var/lib/inbox',
      }).mode,
    ).toMatchObject({
      upstream: 'http://127.0.0.1:9999/api/v2',
      sessionTtlMs: 12 * 3_600_000,
      dataDir: '/var/lib/inbox',
    });
    const ttl = (value: string) =>
      readConfig({ INBOX_MODE: 'team', INBOX_SESSION_SECRET: SECRET, INBOX_SESSION_TTL: value })
        .mode as { sessionTtlMs: number };
    expect(ttl('7').sessionTtlMs).toBe(7 * 86_400_000);
    expect(ttl('90m').sessionTtlMs).toBe(90 * 60_000);
    for (const bad of ['0', '1m', '400d', '30 days', '-1', '1.5d', '30s'])
      expect(() => ttl(bad), bad).toThrow(/INBOX_SESSION_TTL/);
  });

  it('refuses team mode without a long secret, with a token, or with Productive over plain http', () => {
    expect(() => readConfig({ INBOX_MODE: 'team' })).toThrow(/INBOX_SESSION_SECRET.*at least 32/);
    expect(() => readConfig({ INBOX_MODE: 'team', INBOX_SESSION_SECRET: 'x'.repeat(31) })).toThrow(
      /at least 32/,
    );
    // Long but not random: a repeated letter, spaces, padding.
    for (const weak of [
      'a'.repeat(40),
      ' '.repeat(40),
      `  ${SECRET}`,
      'abababababababababababababababababab',
    ])
      expect(() => readConfig({ INBOX_MODE: 'team', INBOX_SESSION_SECRET: weak }), weak).toThrow(
        /random/,
      );
    expect(() =>
      readConfig({ INBOX_MODE: 'team', INBOX_SESSION_SECRET: SECRET, PRODUCTIVE_API_TOKEN: 't' }),
    ).toThrow(/does not take PRODUCTIVE_API_TOKEN/);
    expect(() =>
      readConfig({
        INBOX_MODE: 'team',
        INBOX_SESSION_SECRET: SECRET,
        PRODUCTIVE_ORGANIZATION_ID: '1',
      }),
    ).toThrow(/PRODUCTIVE_ORGANIZATION_ID/);
    for (const url of ['http://api.productive.io/api/v2', 'http://10.0.0.5/api', 'ftp://x', 'nope'])
      expect(
        () =>
          readConfig({ INBOX_MODE: 'team', INBOX_SESSION_SECRET: SECRET, PRODUCTIVE_API_URL: url }),
        url,
      ).toThrow(/PRODUCTIVE_API_URL/);
    // The same rule protects personal mode's token.
    expect(() =>
      readConfig({
        PRODUCTIVE_API_TOKEN: 't',
        PRODUCTIVE_ORGANIZATION_ID: '1',
        PRODUCTIVE_API_URL: 'http://productive.example/api/v2',
      }),
    ).toThrow(/https/);
  });

  it('refuses an organization id that is not a number, and answers to an unusual loopback HOST', () => {
    expect(() =>
      readConfig({ PRODUCTIVE_API_TOKEN: 't', PRODUCTIVE_ORGANIZATION_ID: 'acme' }),
    ).toThrow(/PRODUCTIVE_ORGANIZATION_ID is a number/);
    const config = readConfig({
      HOST: '127.0.0.2',
      PRODUCTIVE_API_TOKEN: 't',
      PRODUCTIVE_ORGANIZATION_ID: '1',
    });
    expect(config.allowedHosts).toContain('127.0.0.2');
  });

  it('refuses unknown modes, contradictions, half a personal configuration and a bad port', () => {
    expect(() => readConfig({ INBOX_MODE: 'live' })).toThrow(/demo, personal or team.*personal/);
    expect(() => readConfig({ INBOX_MODE: 'prod' })).toThrow(/INBOX_MODE/);
    expect(() => readConfig({ INBOX_MODE: 'demo', PRODUCTIVE_API_TOKEN: 't' })).toThrow(/demo/);
    expect(() => readConfig({ INBOX_MODE: 'personal' })).toThrow(/both/);
    expect(() => readConfig({ PRODUCTIVE_API_TOKEN: 't' })).toThrow(/both/);
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => readConfig({ INBOX_SEED_NOTIFICATIONS: '0' })).toThrow(/1 to 100000/);
    expect(readConfig({ INBOX_SEED_NOTIFICATIONS: '13000' }).mode).toMatchObject({
      seedNotifications: 13000,
    });
  });

  it('reads INBOX_ALLOWED_HOSTS in every mode and refuses what is not a host name', () => {
    expect(
      readConfig({ INBOX_ALLOWED_HOSTS: ' Inbox.Example.com, 192.168.1.20:4173 ,[fd00::1]' })
        .allowedHosts,
    ).toEqual(['inbox.example.com', '192.168.1.20:4173', '[fd00::1]']);
    expect(
      readConfig({
        INBOX_ALLOWED_HOSTS: 'inbox.local',
        PRODUCTIVE_API_TOKEN: 't',
        PRODUCTIVE_ORGANIZATION_ID: '1',
      }).allowedHosts,
    ).toEqual(['inbox.local']);
    for (const bad of [
      'https://inbox.example.com',
      '*.example.com',
      'inbox.example.com/app',
      'a b',
    ])
      expect(() => readConfig({ INBOX_ALLOWED_HOSTS: bad }), bad).toThrow(/INBOX_ALLOWED_HOSTS/);
  });
});
