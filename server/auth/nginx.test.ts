/**
 * The nginx recipe in docs/operating.md, for real: Debian's nginx (package nginx-light, installed by .ci/run) as an unprivileged
 * process on a loopback port, in front of a team server with INBOX_TRUSTED_PROXIES=127.0.0.1, and clients on
 * distinct loopback addresses. A stranger forging X-Forwarded-For cannot dodge the sign-in limit, and cannot lock
 * out anyone else by reaching it. Skipped with a message when nginx is absent outside CI; in CI it must run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, STANDIN_PEOPLE, type Standin } from '../testing/productive-standin.ts';
import { startServer, type ServerProcess } from '../testing/server-process.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file));
if (!NGINX) {
  if (process.env.CI || process.env.INBOX_CI)
    throw new Error('nginx.test.ts needs nginx: .ci/run installs nginx-light');
  console.warn('nginx.test.ts: skipped, nginx is not installed (apt-get install nginx-light)');
}
const SECRET = 'a-session-secret-of-at-least-32-characters!';
const [ana] = STANDIN_PEOPLE as [(typeof STANDIN_PEOPLE)[0]];
const NAME = 'inbox.test';

let standin: Standin;
let server: ServerProcess;
let nginx: ChildProcess | undefined;
let nginxPort: number;
let directory: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The recipe in docs/operating.md, with the paths an unprivileged nginx needs. */
const config = (upstreamPort: number) => `
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${directory}/body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  server {
    listen 127.0.0.1:${nginxPort};
    server_name ${NAME};
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
  }
}
`;

beforeAll(async () => {
  if (!NGINX) return;
  standin = await startStandin({
    people: STANDIN_PEOPLE.map((person) => ({ ...person, notifications: 5 })),
  });
  server = await startServer({
    INBOX_MODE: 'team',
    INBOX_SESSION_SECRET: SECRET,
    PRODUCTIVE_API_URL: standin.url,
    INBOX_DATA_DIR: mkdtempSync(join(tmpdir(), 'inbox-nginx-data-')),
    INBOX_ALLOWED_HOSTS: NAME,
    INBOX_TRUSTED_PROXIES: '127.0.0.1',
  });
  directory = mkdtempSync(join(tmpdir(), 'inbox-nginx-'));
  mkdirSync(join(directory, 'logs'));
  nginxPort = await freePort();
  writeFileSync(join(directory, 'nginx.conf'), config(Number(new URL(server.origin).port)));
  // Never as root: as nobody when the tests run as root, else as whoever runs them.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const path of [directory, join(directory, 'logs'), join(directory, 'nginx.conf')]) {
      chownSync(path, 65534, 65534);
    }
  }
  nginx = spawn(
    NGINX,
    ['-p', directory, '-c', join(directory, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: 'ignore',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    },
  );
  for (let tries = 0; ; tries++) {
    const up = await signIn('127.0.0.1', { token: '', organizationId: '1' }).catch(() => null);
    if (up?.status === 422) break;
    if (tries > 100) {
      const log = existsSync(join(directory, 'error.log'))
        ? readFileSync(join(directory, 'error.log'), 'utf8')
        : '';
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);
afterAll(async () => {
  nginx?.kill('SIGTERM');
  await server?.stop();
  standin?.close();
});

/** A sign-in through nginx from a given loopback address, with any headers the client cares to forge. */
function signIn(
  from: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: nginxPort,
        localAddress: from,
        method: 'POST',
        path: '/auth/session',
        // As a browser on the page sends it: the name with nginx's port, and the page's own Origin (a recipe that
        // drops the port from Host makes every sign-in a cross-origin write).
        headers: {
          Host: `${NAME}:${nginxPort}`,
          Origin: `http://${NAME}:${nginxPort}`,
          'Sec-Fetch-Site': 'same-origin',
          'Content-Type': 'application/json',
          ...headers,
        },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

describe.skipIf(!NGINX)('sign-in behind nginx (the recipe in docs/operating.md)', () => {
  it('limits a stranger however it forges X-Forwarded-For, and never locks out anyone else', async () => {
    const stranger: number[] = [];
    for (let index = 0; index < 12; index++) {
      const answer = await signIn(
        '127.0.0.2',
        { token: 'pat-guess', organizationId: ana.organizationId },
        { 'X-Forwarded-For': `198.51.100.${index}`, 'X-Real-IP': `198.51.100.${index}` },
      );
      stranger.push(answer.status);
    }
    expect(stranger.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(stranger.slice(10)).toEqual([429, 429]);

    // Someone else behind the same proxy, same organization: signs in.
    const colleague = await signIn('127.0.0.3', {
      token: ana.token,
      organizationId: ana.organizationId,
    });
    expect(colleague.status).toBe(201);
    // And the stranger is still limited, with a Retry-After.
    const again = await signIn('127.0.0.2', {
      token: ana.token,
      organizationId: ana.organizationId,
    });
    expect(again.status).toBe(429);
    expect(Number(again.retryAfter)).toBeGreaterThan(0);
  }, 60_000);
});
