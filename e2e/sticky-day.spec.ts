import { expect, test, type Page } from '@playwright/test';

// The list never covers itself: one opaque day label at a time, inside the sticky bar, never over a row's
// controls or the bar's own buttons; in both themes, at a desktop and a phone width.
const rows = (page: Page) => page.getByTestId('notification-row');

/** Whether each control is the element actually under its own centre (nothing drawn over it). */
const uncovered = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const bar = document.querySelector('[data-sticky-bar]')?.getBoundingClientRect();
        return box.height > 0 && box.top >= (bar?.bottom ?? 0) && box.bottom <= window.innerHeight;
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit === element || element.contains(hit);
      }),
  );

for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${name}, ${scheme}: one opaque day label, in the sticky bar, over nothing`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await expect(rows(page).first()).toBeVisible();
      const label = page.getByTestId('sticky-day');
      // At the top the first day's own header shows, and no second label behind or over it.
      await expect(label).toHaveCount(0);

      // Two rows selected, so the bar carries its buttons too.
      await rows(page).nth(0).getByRole('checkbox').check();
      await rows(page).nth(1).getByRole('checkbox').check();
      await page.mouse.wheel(0, 2500);
      await expect(label).toBeVisible();
      await page.waitForTimeout(300);

      const bar = page.locator('[data-sticky-bar]');
      const barBox = (await bar.boundingBox()) as { y: number; height: number };
      const labelBox = (await label.boundingBox()) as { y: number; height: number };
      expect(labelBox.y).toBeGreaterThanOrEqual(barBox.y);
      expect(labelBox.y + labelBox.height).toBeLessThanOrEqual(barBox.y + barBox.height + 0.5);
      // Opaque: nothing shows through the bar.
      const background = await bar.evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(background).not.toMatch(/\/\s*(0?\.\d+|\d+%)\)|rgba\([^)]*,\s*0?\.\d+\)|transparent/);
      // The bar's buttons and the rows' controls are what is under their own centres.
      expect(await uncovered(page, '[data-sticky-bar] button')).not.toContain(false);
      await expect(bar.getByRole('button', { name: 'Dismiss 2 notifications' })).toBeVisible();
      const controls = await uncovered(
        page,
        '[data-testid="notification-row"] input[type="checkbox"], [data-testid="notification-row"] button',
      );
      expect(controls.length).toBeGreaterThan(2);
      expect(controls).not.toContain(false);
      // One label: no day header of the list shows next to it (one scrolled under the bar is hidden by it).
      const text = (await label.textContent()) as string;
      const doubles = await page.getByText(text, { exact: true }).evaluateAll(
        (elements, barBottom) =>
          elements.filter((element) => {
            const box = element.getBoundingClientRect();
            const y = box.top + box.height / 2;
            if (box.height === 0 || y < 0 || y > barBottom + 60) return false;
            const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 20), y);
            return hit === element || element.contains(hit);
          }).length,
        barBox.y + barBox.height,
      );
      expect(doubles).toBe(1);
    });
  }
}
