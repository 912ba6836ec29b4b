import { expect, type Page } from '@playwright/test';

/**
 * The page's first sync has read the whole Inbox (src/replica/sync.ts): the sidebar's unread count of the Inbox is
 * shown only then. Before it, a view lists what the sync has read so far (the newest first), which grows.
 */
export async function waitForFirstSync(page: Page): Promise<void> {
  await expect(page.locator('[data-view="inbox"]').getByTestId('unread-count')).toBeVisible({
    timeout: 30_000,
  });
}
