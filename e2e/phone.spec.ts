import { expect, test } from '@playwright/test';

// A phone (390 px, touch): the theme toggle is reachable, the filters wait behind one "Filters" button with the
// active ones as chips, and no keyboard hints are offered.
test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('on a phone: theme toggle, filters behind one button with chips, no keyboard hints', async ({
    page,
  }) => {
    await page.goto('/');
    const rows = page.getByTestId('notification-row');
    await expect(rows.first()).toBeVisible();

    const theme = page.getByRole('button', { name: /^Theme:/ });
    await expect(theme).toBeVisible();
    await expect(theme).toBeInViewport();
    await theme.click();
    await expect(theme).toHaveText('Theme: Light');
    await theme.click();
    await expect(theme).toHaveText('Theme: Dark');
    await expect(page.locator('html')).toHaveClass(/dark/);

    const search = page.getByRole('search', { name: 'Filter notifications' });
    const filters = search.getByRole('button', { name: /^Filters/ });
    await expect(filters).toBeVisible();
    await expect(search.getByRole('combobox', { name: 'Type' })).toBeHidden();
    const height = (await search.boundingBox())?.height ?? Infinity;
    expect(height).toBeLessThan(70);
    // The first row is on the first screen, well up.
    expect((await rows.first().boundingBox())?.y ?? Infinity).toBeLessThan(400);

    await filters.click();
    await expect(filters).toHaveAttribute('aria-expanded', 'true');
    await search.getByRole('combobox', { name: 'Type' }).selectOption('task');
    await expect(page).toHaveURL(/type=task/);
    await filters.click();
    await expect(search.getByRole('combobox', { name: 'Type' })).toBeHidden();
    await expect(filters).toHaveText(/Filters \(1\)/);
    await expect(search.getByRole('button', { name: 'Remove filter: Type: Task' })).toBeVisible();

    await expect(page.getByRole('button', { name: /Keyboard shortcuts/ })).toBeHidden();
  });
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false });

  test('the filters are all shown and the keyboard hint is there', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('notification-row').first()).toBeVisible();
    const search = page.getByRole('search', { name: 'Filter notifications' });
    await expect(search.getByRole('combobox', { name: 'Type' })).toBeVisible();
    await expect(search.getByRole('button', { name: /^Filters/ })).toBeHidden();
    await expect(page.getByRole('button', { name: /Keyboard shortcuts/ })).toBeVisible();
  });
});
