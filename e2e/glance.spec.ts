import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';

// The list at a glance (issue 20): how many rows a screen shows whole, that every row says where its item lives,
// a frame that stays put (sticky sidebar and filters, nothing moving as the pane opens), the filter bar on one line,
// the phone's swipe with Undo, and the unread marker's contrast, in both themes.
const rows = (page: Page) => page.getByTestId('notification-row');

/** Rows whose whole box is on screen, below the sticky bars (nothing covering them). */
const fullyVisibleRows = (page: Page) =>
  rows(page).evaluateAll((elements) => {
    const bar = document.querySelector('[data-sticky-bar]')?.getBoundingClientRect();
    const top = bar ? bar.bottom : 0;
    return elements.filter((element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= top - 0.5 && box.bottom <= window.innerHeight + 0.5;
    }).length;
  });

async function firstRowsShown(page: Page, path = '/') {
  await page.goto(path);
  await expect(rows(page).first()).toBeVisible();
  // The filter bar's code arrives a moment after the rows; the count is taken once the frame is complete.
  await expect(page.getByRole('search', { name: 'Filter notifications' })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} has no box`);
  return found;
};

interface ApiNotification {
  id: string;
  attributes: {
    target_type: string;
    parent_title: string | null;
    root_id: number | null;
    root_type: string | null;
  };
}

async function projectNameOf(page: Page, id: number): Promise<string> {
  const response = await page.request.get(`/api/v2/projects/${id}`);
  const body = (await response.json()) as { data: { attributes: { name: string } } };
  return body.data.attributes.name;
}

test.describe('on a 1440×900 screen', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('at least 14 rows show whole, and 12 with the reading pane open', async ({ page }) => {
    await firstRowsShown(page);
    const closed = await fullyVisibleRows(page);
    expect(closed).toBeGreaterThanOrEqual(14);

    await rows(page).nth(1).getByRole('link').first().click();
    await expect(page.getByTestId('reading-pane')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const withPane = await fullyVisibleRows(page);
    expect(withPane).toBeGreaterThanOrEqual(12);
    test.info().annotations.push({
      type: 'rows fully visible',
      description: `${closed} at 1440×900, ${withPane} with the pane open`,
    });
  });

  test('opening and closing the pane moves nothing else; the sidebar and filters stay as the list scrolls', async ({
    page,
  }) => {
    await firstRowsShown(page);
    const frame = async () => ({
      sidebar: await box(page, '[data-testid="inbox-sidebar"]'),
      filters: await box(page, '[role="search"]'),
      heading: await box(page, 'h1'),
      firstRow: await box(page, '[data-testid="notification-row"]'),
      scrollY: await page.evaluate(() => window.scrollY),
    });
    const before = await frame();
    await rows(page).nth(2).getByRole('link').first().click();
    await expect(page.getByTestId('reading-pane')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const open = await frame();
    expect(open.sidebar).toEqual(before.sidebar);
    expect(open.filters).toEqual(before.filters);
    expect(open.heading).toEqual(before.heading);
    expect({ x: open.firstRow.x, y: open.firstRow.y }).toEqual({
      x: before.firstRow.x,
      y: before.firstRow.y,
    });
    expect(open.scrollY).toBe(before.scrollY);

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('reading-pane')).toBeHidden();
    const closed = await frame();
    expect(closed.sidebar).toEqual(before.sidebar);
    expect(closed.filters).toEqual(before.filters);
    expect(closed.firstRow).toEqual(before.firstRow);
    expect(closed.scrollY).toBe(before.scrollY);

    // Scrolled well down, the sidebar and the filter bar are still on screen, at the top.
    await page.mouse.move(700, 600);
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const scrolled = await frame();
    expect(scrolled.sidebar.y).toBeLessThanOrEqual(0.5);
    expect(scrolled.sidebar.y + scrolled.sidebar.height).toBeGreaterThanOrEqual(899);
    expect(scrolled.filters.y).toBeGreaterThanOrEqual(0);
    expect(scrolled.filters.y).toBeLessThan(80);
    await expect(page.getByRole('link', { name: 'Important' })).toBeInViewport();
  });
});

test('every row names its project: todos through their root, all of a project-filtered list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.request.get(
    '/api/v2/notifications?filter[dismissed]=false&filter[type]=Todo&page[size]=1',
  );
  const todo = ((await response.json()) as { data: ApiNotification[] }).data[0] as ApiNotification;
  expect(todo.attributes.root_type).toBe('project');
  const project = await projectNameOf(page, todo.attributes.root_id as number);

  await firstRowsShown(page);
  const places = await rows(page).evaluateAll((elements) =>
    elements.map(
      (element) => element.querySelector('[data-testid="row-place"]')?.textContent?.trim() ?? '',
    ),
  );
  expect(places.length).toBeGreaterThan(10);
  expect(places.filter((place) => place === '')).toEqual([]);

  // A todo's row names its project, not the task it is on.
  const todoRow = page.locator(`[data-notification-id="${todo.id}"]`);
  await page.goto('/?type=todo');
  await expect(todoRow).toBeVisible();
  await expect(todoRow.getByTestId('row-place')).toHaveText(project);
  await expect(todoRow.getByTestId('row-place')).not.toHaveText(todo.attributes.parent_title ?? '');

  // In a project's list, every row says that project.
  await page.goto(`/?project=${todo.attributes.root_id}`);
  await expect(rows(page).first()).toBeVisible();
  const inProject = await rows(page).evaluateAll((elements) =>
    elements.map(
      (element) => element.querySelector('[data-testid="row-place"]')?.textContent?.trim() ?? '',
    ),
  );
  expect(inProject.length).toBeGreaterThan(1);
  expect(new Set(inProject)).toEqual(new Set([project]));
});

test('at 1280 px the filter bar is one line, also with a project picked', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const response = await page.request.get('/api/v2/projects?filter[status]=1&page[size]=50');
  const projects = (await response.json()) as {
    data: { id: string; attributes: { name: string } }[];
  };
  // The longest name there is: the hardest case for one line.
  const longest = [...projects.data].sort(
    (a, b) => b.attributes.name.length - a.attributes.name.length,
  )[0] as { id: string };
  for (const path of ['/', `/?project=${longest.id}&type=task&importance=important&read=unread`]) {
    await firstRowsShown(page, path);
    const search = page.getByRole('search', { name: 'Filter notifications' });
    const centres = await search
      .locator('summary, select, input[type="date"], ul[aria-label="Active filters"] button')
      .evaluateAll((elements) =>
        elements
          .filter((element) => element.getBoundingClientRect().height > 0)
          .map((element) => {
            const rect = element.getBoundingClientRect();
            return Math.round(rect.top + rect.height / 2);
          }),
      );
    expect(centres.length).toBeGreaterThanOrEqual(6);
    expect(
      Math.max(...centres) - Math.min(...centres),
      `${path}: ${centres.join(', ')}`,
    ).toBeLessThanOrEqual(4);
    const scrollWidth = await search.evaluate(
      (element) => element.scrollWidth - element.clientWidth,
    );
    expect(scrollWidth).toBeLessThanOrEqual(0);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the unread marker stands out (3:1) and the states are axe-clean (${colorScheme})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await firstRowsShown(page);
    const unread = page.locator('[data-testid="notification-row"][data-read="false"]').first();
    await expect(unread).toBeVisible();
    const ratio = await unread.evaluate((row) => {
      const marker = row.querySelector('[data-unread-marker]') as HTMLElement;
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const context = canvas.getContext('2d', {
        willReadFrequently: true,
      }) as CanvasRenderingContext2D;
      const rgb = (color: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = color;
        context.fillRect(0, 0, 1, 1);
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const luminance = (color: string) => {
        const [r, g, b] = rgb(color).map((value) => {
          const channel = value / 255;
          return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const a = luminance(getComputedStyle(marker).backgroundColor);
      const b = luminance(getComputedStyle(row).backgroundColor);
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(3);

    // A row's actions on hover, and the list with them.
    await unread.hover();
    await expect(unread.getByRole('button', { name: /^Dismiss:/ })).toBeVisible();
    await expectNoViolations(page, `${colorScheme}: list, a row hovered`);

    await unread.getByRole('link').first().click();
    await expect(page.getByTestId('reading-pane')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page, `${colorScheme}: reading pane open`);
  });
}

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('at least 6 rows show whole; the header is one line; the tabs show they scroll', async ({
    page,
  }) => {
    await firstRowsShown(page);
    const count = await fullyVisibleRows(page);
    expect(count).toBeGreaterThanOrEqual(6);
    test
      .info()
      .annotations.push({ type: 'rows fully visible', description: `${count} at 390×844` });

    // One compact line: the view tabs and the theme toggle side by side.
    const tabs = await box(page, 'nav[aria-label="Views"]');
    const theme = await page.getByRole('button', { name: /^Theme:/ }).boundingBox();
    expect(theme && Math.abs(theme.y + theme.height / 2 - (tabs.y + tabs.height / 2))).toBeLessThan(
      4,
    );
    expect(tabs.height).toBeLessThan(56);
    // The tabs overflow sideways, and their edge fades to say so.
    const list = page.locator('nav[aria-label="Views"] ul');
    expect(await list.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await list.evaluate((element) => getComputedStyle(element).maskImage)).toContain(
      'linear-gradient',
    );
  });

  test('swipe left dismisses with Undo; a vertical drag does not; actions are one tap away', async ({
    page,
  }) => {
    await firstRowsShown(page);
    const row = rows(page).nth(1);
    const id = (await row.getAttribute('data-notification-id')) as string;
    const swipe = async (dx: number, dy: number) => {
      const start = (await row.boundingBox()) as {
        x: number;
        y: number;
        width: number;
        height: number;
      };
      const x = start.x + start.width * 0.7;
      const y = start.y + start.height / 2;
      const pointer = { pointerType: 'touch', pointerId: 7, isPrimary: true, bubbles: true };
      await row.dispatchEvent('pointerdown', { ...pointer, clientX: x, clientY: y, buttons: 1 });
      for (let step = 1; step <= 5; step++)
        await row.dispatchEvent('pointermove', {
          ...pointer,
          clientX: x + (dx * step) / 5,
          clientY: y + (dy * step) / 5,
          buttons: 1,
        });
      await row.dispatchEvent('pointerup', { ...pointer, clientX: x + dx, clientY: y + dy });
    };

    // A mostly vertical drag is a scroll: the row stays.
    await swipe(-30, 120);
    await expect(row).toHaveAttribute('data-notification-id', id);
    await expect(page.locator(`[data-notification-id="${id}"]`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

    // A short swipe springs back.
    await swipe(-40, 0);
    await expect(page.locator(`[data-notification-id="${id}"]`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

    await swipe(-180, 4);
    await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator(`[data-notification-id="${id}"]`)).toBeVisible();

    // The actions are hidden from fingers until "More actions", one tap, shows them.
    const again = page.locator(`[data-notification-id="${id}"]`);
    const dismiss = again.getByRole('button', { name: /^Dismiss:/ });
    await expect(dismiss).toBeHidden();
    await again.getByRole('button', { name: /^More actions:/ }).tap();
    await expect(dismiss).toBeVisible();
    await expectNoViolations(page, 'phone: a row with its actions shown');
  });
});
