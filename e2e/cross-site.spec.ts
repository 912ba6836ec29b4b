import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { expect, test } from '@playwright/test';

/** The request again from Node to the inbox server, with exactly the given headers: what the server answered. */
function replay(
  url: string,
  headers: IncomingHttpHeaders,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    call.on('error', reject);
    call.end();
  });
}

// A page on another site pointing <img> and <script> at the API. The browser would not let that page read the
// answer (CORP), but the request would still spend the server's work and the person's Productive budget. What
// Chromium really sends for such loads is recorded on a loopback port (a stand-in for the inbox's address, since
// a browser's own report of its headers leaves fetch metadata out), then sent as is to the inbox server: refused.
test('the API refuses what another site’s page makes the browser ask, and still answers the app', async ({
  page,
  baseURL,
}) => {
  const base = Number(process.env.E2E_PORT ?? 4319);
  const recorded: { path: string; headers: IncomingHttpHeaders }[] = [];
  const recorder = createServer((request, response) => {
    recorded.push({ path: request.url ?? '', headers: request.headers });
    response.writeHead(204);
    response.end();
  });
  const attacker = createServer((_request, response) => {
    const api = `http://127.0.0.1:${base + 10}/api/v2/notifications?page[size]=200`;
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(`<!doctype html><img src="${api}"><script src="${api}&x=2"></script>`);
  });
  await new Promise<void>((resolve) => recorder.listen(base + 10, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => attacker.listen(base + 9, '127.0.0.1', resolve));
  try {
    // Another site on this machine: localhost is not the same site as 127.0.0.1.
    await page.goto(`http://localhost:${base + 9}/`);
    await expect.poll(() => recorded.length).toBe(2);
  } finally {
    attacker.close();
    recorder.close();
  }
  expect(recorded.map(({ headers }) => headers['sec-fetch-site'])).toEqual([
    'cross-site',
    'cross-site',
  ]);
  expect(recorded.map(({ headers }) => headers['sec-fetch-dest']).sort()).toEqual([
    'image',
    'script',
  ]);
  for (const { path, headers } of recorded) {
    const target = new URL(path, baseURL);
    const answer = await replay(target.href, { ...headers, host: target.host });
    expect(answer.status, path).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ code: 'cross_site_request' }] });
  }

  // The app's own requests from its own page are answered.
  const own = page.waitForResponse((response) =>
    response.url().startsWith(`${baseURL}/api/v2/notifications`),
  );
  await page.goto('/');
  expect((await own).status()).toBe(200);
});
