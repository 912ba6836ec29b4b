/**
 * Draws the web app manifest's PNG icons (public/) from the favicon's shape, in Chromium (Debian's or
 * Playwright's): `npx node scripts/make-icons.ts`. The maskable icon keeps the shape inside the middle 60 %
 * (the safe zone is the middle 80 % circle) on a full-bleed background.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

const TRAY = 'M7 17h5l2 3h4l2-3h5v6a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2z M9 8h14l2 7h-6l-2 3h-2l-2-3H7z';
const BRAND = '#3b6cf6';
const rounded = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${BRAND}"/><path d="${TRAY}" fill="#fff"/></svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${BRAND}"/><g transform="translate(6.4 6.4) scale(0.6)"><path d="${TRAY}" fill="#fff"/></g></svg>`;

const icons: [string, string, number][] = [
  ['public/icon-192.png', rounded, 192],
  ['public/icon-512.png', rounded, 512],
  ['public/icon-maskable-512.png', maskable, 512],
];

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
for (const [path, svg, size] of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  writeFileSync(path, await page.screenshot({ omitBackground: true }));
}
await browser.close();
