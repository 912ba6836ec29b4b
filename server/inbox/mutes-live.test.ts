/**
 * Mutes in personal mode, against the stand-in for Productive over real HTTP: the look for new notifications and
 * the dismiss go upstream with the token of the person whose inbox it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { SettableClock } from './clock.ts';
import { MuteService } from './mute-service.ts';
import { MuteStore } from './mute-store.ts';
import { personalOwners } from './owners.ts';

const [ana, marko] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0], (typeof STANDIN_PEOPLE)[0]];
const NOW = Date.UTC(2030, 0, 1, 12);
const MINUTE = 60_000;

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({
    people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 30 })),
  });
});
afterAll(() => standin.close());

const db = (token: string) => standin.databases.get(token) as DatabaseSync;
const row = (token: string, id: string) =>
  db(token)
    .prepare('SELECT dismissed, target_type, target_id, project_id FROM notifications WHERE id = ?')
    .get(Number(id)) as {
    dismissed: number;
    target_type: string;
    target_id: number;
    project_id: number;
  };
const bump = (token: string, id: string, atMs: number, mention = false) =>
  db(token)
    .prepare(
      'UPDATE notifications SET dismissed = 0, mention = ?, last_action_ms = ?, last_action_at = ? WHERE id = ?',
    )
    .run(mention ? 1 : 0, atMs, new Date(atMs).toISOString(), Number(id));

describe('personal mode', () => {
  it('dismisses upstream what arrives on a muted item or project, with the server’s token; a mention stays', async () => {
    const owners = personalOwners({
      scope: 'personal:4242:fingerprint',
      upstream: standin.url,
      credentials: { token: ana.token, organizationId: ana.organizationId },
    });
    const clock = new SettableClock(() => 0);
    clock.set(NOW);
    const mutes = new MuteService({
      store: new MuteStore(new DatabaseSync(':memory:')),
      clock,
      gatewayFor: owners.gatewayFor,
    });
    const ids = (
      db(ana.token).prepare('SELECT id FROM notifications ORDER BY id').all() as { id: number }[]
    ).map((found) => String(found.id));
    const [item, mentioned] = ids as [string, string];
    const target = row(ana.token, item);
    const scope = 'personal:4242:fingerprint';
    mutes.mute(scope, {
      kind: 'item',
      targetType: target.target_type.toLowerCase(),
      targetId: String(target.target_id),
      title: 'x',
    });
    const other = ids.find(
      (id) => row(ana.token, id).project_id !== target.project_id && id !== mentioned,
    ) as string;
    const project = String(row(ana.token, other).project_id);
    mutes.mute(scope, { kind: 'project', targetType: 'project', targetId: project, title: 'y' });
    const inProject = ids.filter((id) => row(ana.token, id).project_id === Number(project));

    const from = standin.requests.length;
    bump(ana.token, item, NOW + MINUTE);
    for (const id of inProject) bump(ana.token, id, NOW + MINUTE, id === other);
    const dismissed = await mutes.tick();
    expect(row(ana.token, item).dismissed).toBe(1);
    // The one mentioning Ana stays; the rest of the project goes.
    expect(row(ana.token, other).dismissed).toBe(0);
    expect(dismissed).toBe(1 + inProject.length - 1);
    const requests = standin.requests.slice(from);
    expect(requests.every((request) => request.token === ana.token)).toBe(true);
    expect(requests.filter((request) => request.method === 'GET')).toHaveLength(2);
    // Marko's inbox was never touched.
    expect(requests.some((request) => request.token === marko.token)).toBe(false);
  });
});
