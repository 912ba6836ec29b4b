/**
 * The requests the app sends as Productive documents them (issue 18): `filter[type]` in the seed's spelling,
 * `filter[status]` on people and projects, people paged to the end, `destroy` events. The proxy forwards each
 * exactly as sent, and the embedded API answers each, so demo, personal and team mode accept the same.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../http/app.ts';
import { createTestServer } from '../testing/fixture.ts';
import { createLiveApi } from './proxy.ts';

let upstream: Server;
let upstreamUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  upstream = createServer((request, response) => {
    seen.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'application/vnd.api+json' });
    response.end(JSON.stringify({ data: [], meta: {} }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api/v2`;
});
afterAll(() => {
  upstream.closeAllConnections();
  upstream.close();
});

const proxy = () =>
  createApp({
    api: createLiveApi({
      upstream: upstreamUrl,
      credentials: () => ({ token: 'pat-filters', organizationId: '4242' }),
    }),
  });

const sent = [
  '/api/v2/notifications?filter%5Btype%5D=Task%2CTodo&filter%5Bdismissed%5D=false&page%5Bnumber%5D=1&page%5Bsize%5D=50',
  '/api/v2/notifications?filter%5Btype%5D=Deal&page%5Bnumber%5D=1&page%5Bsize%5D=50',
  '/api/v2/notifications?filter%5Btype%5D=task&page%5Bnumber%5D=1&page%5Bsize%5D=50',
  '/api/v2/people?filter%5Bstatus%5D=1&page%5Bnumber%5D=1&page%5Bsize%5D=200',
  // People paged to the end: well past 10 pages of 200.
  '/api/v2/people?filter%5Bstatus%5D=1&page%5Bnumber%5D=14&page%5Bsize%5D=200',
  '/api/v2/projects?filter%5Bstatus%5D=1&page%5Bnumber%5D=1&page%5Bsize%5D=200',
  '/api/v2/projects?filter%5Bstatus%5D=2&page%5Bnumber%5D=1&page%5Bsize%5D=200',
  '/api/v2/activities?filter%5Btask_id%5D=7&filter%5Bevent%5D=destroy%2Cdelete&include=creator%2Ccomment%2Cemail%2Cattachment&page%5Bnumber%5D=1&page%5Bsize%5D=30',
];

describe('the proxy and the new filters', () => {
  it('forwards each exactly as the app sends it', async () => {
    seen.length = 0;
    for (const path of sent) {
      const response = await proxy().request(path);
      expect(response.status, path).toBe(200);
    }
    expect(seen).toEqual(sent);
  });

  it('refuses other values, naming the parameter, and forwards nothing', async () => {
    seen.length = 0;
    for (const [path, parameter] of [
      ['/api/v2/people?filter[status]=2', 'filter[status]'],
      ['/api/v2/people?filter[status]=1,2', 'filter[status]'],
      ['/api/v2/projects?filter[status]=3', 'filter[status]'],
      ['/api/v2/projects?filter[status]=1&filter[status]=2', 'filter[status]'],
      ['/api/v2/notifications?filter[type]=Task;Todo', 'filter[type]'],
      ['/api/v2/notifications?filter[type]=Tâsk', 'filter[type]'],
      ['/api/v2/notifications?filter[status]=1', 'filter[status]'],
    ] as const) {
      const response = await proxy().request(path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { errors: { source: { parameter: string } }[] };
      expect(body.errors[0]?.source.parameter, path).toBe(parameter);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('the embedded API and the same requests', () => {
  const server = createTestServer({ notifications: 200 });

  it('answers every one of them', async () => {
    for (const path of sent) {
      const response = await server.request(path);
      expect(response.status, path).toBe(200);
    }
  });

  it('reads filter[type] in any letter case, the seed’s Task and Todo included', async () => {
    const total = async (type: string) => {
      const { body } = await server.json(`/api/v2/notifications?filter[type]=${type}`);
      return (body.meta as { total_count: number }).total_count;
    };
    const tasks = await total('task');
    expect(tasks).toBeGreaterThan(0);
    expect(await total('Task')).toBe(tasks);
    expect(await total('TASK')).toBe(tasks);
    expect(await total('Task,Todo')).toBe(tasks + (await total('todo')));
  });
});
