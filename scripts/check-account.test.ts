import { spawn } from 'node:child_process';
import { inheritedEnv } from '../server/testing/child-env.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REALISTIC_PEOPLE,
  startStandin,
  type Standin,
} from '../server/testing/productive-standin.ts';
import { checkAccount } from './check-account.ts';

const ana = REALISTIC_PEOPLE[0] as (typeof REALISTIC_PEOPLE)[0];

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({
    realistic: true,
    people: REALISTIC_PEOPLE.map((person) => ({ ...person, notifications: 120 })),
  });
});
afterAll(() => standin.close());

describe('npm run check-account against the realistic stand-in', () => {
  it('prints what the account’s API does, with GET requests only and never the token', async () => {
    const before = standin.requests.length;
    const lines = await checkAccount({
      upstream: standin.url,
      token: ana.token,
      organizationId: ana.organizationId,
    });
    const report = lines.join('\n');
    expect(report).toContain("Token's organizations: Acme Agency (4242)");
    expect(report).toMatch(/✓ token of Ana Kovač \(person 501\), membership 9501/);
    expect(report).toContain(
      'Organization slug: not given (Open in Productive leads to the home page)',
    );
    expect(report).toContain('Writes: Productive does not say whether this token may write');
    expect(report).toMatch(/target_type as sent: (Task|Todo|Deal|Discussion|Page)[^\n]*×\d+/);
    expect(report).not.toMatch(/target_type as sent:[^\n]*\b(task|todo) ×/);
    expect(report).toContain(
      'first_unread_activity_id is string (or null), changeset is object, target_id is number',
    );
    expect(report).toMatch(
      /filter\[type\]=Task: \d+ notifications; filter\[type\]=task: \d+ notifications \(both work alike\)/,
    );
    expect(report).toMatch(
      /Activities: a page of 30; links: first; links.next absent although the page is full/,
    );
    expect(report).toMatch(/Activity events seen: [^\n]*destroy/);
    expect(report).toContain('sort=created_at: accepted, oldest first');
    // Read by the app's own fetchers and parsers (src/api), every record of each sample.
    expect(report).toMatch(/^✓ notifications: 50 read by the app's parser$/m);
    expect(report).toMatch(/^✓ activities: \d+ of task \d+ read, \d+ emails$/m);
    expect(report).toMatch(/^✓ task: #\d+ read \(project named, status named\)$/m);
    expect(report).toMatch(/^✓ projects: \d+ read$/m);
    expect(report).toMatch(/^✓ people: \d+ read for mentions$/m);
    expect(report).toContain('Rate-limit headers seen: none');
    expect(report).toMatch(/Requests made: \d+, all GET\./);
    expect(report.toLowerCase()).not.toContain(ana.token.toLowerCase());

    const made = standin.requests.slice(before);
    expect(made.length).toBeGreaterThan(8);
    expect(made.every((request) => request.method === 'GET')).toBe(true);
    // Who-am-I with the token alone; everything else with the organization.
    expect(made[0]).toMatchObject({
      path: '/api/v2/organization_memberships?include=person,organization',
      organizationId: null,
    });
    expect(made.slice(1).every((request) => request.organizationId === '4242')).toBe(true);
  });

  it('says which organizations a token has when it has none in the one given', async () => {
    const lines = await checkAccount({
      upstream: standin.url,
      token: ana.token,
      organizationId: '777',
    });
    expect(lines).toContain(
      '✗ the token has no membership in organization 777: nothing more to check',
    );
  });

  it('runs as a script from the environment, and refuses to run without it', async () => {
    // Asynchronously: the stand-in answers from this very process.
    const run = (env: Record<string, string>) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['scripts/check-account.ts'], {
          env: { ...inheritedEnv(), ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    const bad = await run({ PRODUCTIVE_API_URL: standin.url });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Set PRODUCTIVE_API_TOKEN and PRODUCTIVE_ORGANIZATION_ID');
    const wrong = await run({
      PRODUCTIVE_API_URL: standin.url,
      PRODUCTIVE_API_TOKEN: 'pat-not-known-0000',
      PRODUCTIVE_ORGANIZATION_ID: '4242',
    });
    expect(wrong.stderr).toBe('');
    // A failed check fails the command.
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain(
      '✗ who the token is: Productive answered 401 (the token is not accepted)',
    );
    expect(wrong.stdout + wrong.stderr).not.toContain('pat-not-known-0000');
    const good = await run({
      PRODUCTIVE_API_URL: standin.url,
      PRODUCTIVE_API_TOKEN: ana.token,
      PRODUCTIVE_ORGANIZATION_ID: ana.organizationId,
    });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^check-account: productive-inbox \d+\.\d+\.\d+, Node v\d+/);
    expect(good.stdout).toContain('✓ token of Ana Kovač');
    expect(good.stdout).not.toContain(ana.token);
  });
});
