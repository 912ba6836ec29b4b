import { expect, test } from '@playwright/test';

test('the app shows the real number of notifications in the inbox, fetched through the API', async ({
  page,
  request,
}) => {
  const api = await request.get('/api/v2/notifications?filter[dismissed]=false&page[size]=1');
  const total = ((await api.json()) as { meta: { total_count: number } }).meta.total_count;
  expect(total).toBeGreaterThan(0);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${total.toLocaleString('en-US')} notifications`,
  );
  await expect(page).toHaveTitle(/^\(\d+\+?\) Inbox$/);
  expect(errors).toEqual([]);
});

test('the server serves the app on client routes and JSON:API errors under /api', async ({
  page,
  request,
}) => {
  const response = await page.goto('/some/client/route?x=1');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  const missing = await request.get('/api/v2/nothing-here');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toContain('application/vnd.api+json');
  expect(((await missing.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
    'record_not_found',
  );

  const icon = await request.get('/favicon.svg');
  expect(icon.headers()['content-type']).toContain('image/svg+xml');

  const asset = await request.get('/assets/missing.js');
  expect(asset.status()).toBe(404);
});
