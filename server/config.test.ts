import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('server configuration', () => {
  it('defaults to demo mode on 127.0.0.1:4173', () => {
    const config = readConfig({ INBOX_DB: '/tmp/x.db' });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4173,
      mode: { kind: 'demo', databasePath: '/tmp/x.db' },
    });
  });

  it('goes live with a token and organization, to Productive unless told otherwise', () => {
    const config = readConfig({
      PRODUCTIVE_API_TOKEN: 't',
      PRODUCTIVE_ORGANIZATION_ID: '1',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      mode: {
        kind: 'live',
        token: 't',
        organizationId: '1',
        upstream: 'https://api.productive.io/api/v2',
      },
    });
  });

  it('refuses half a live configuration and a bad port', () => {
    expect(() => readConfig({ PRODUCTIVE_API_TOKEN: 't' })).toThrow(/both/);
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => readConfig({ INBOX_SEED_NOTIFICATIONS: '0' })).toThrow(/1 to 100000/);
    expect(readConfig({ INBOX_SEED_NOTIFICATIONS: '13000' }).mode).toMatchObject({
      seedNotifications: 13000,
    });
  });
});
