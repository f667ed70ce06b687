// Cards and headings keep long German compounds inside their boxes at phone, tablet and desktop
// widths; screenshots of each page and width land in test-results for a human look.
import { test, expect } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expectNoHorizontalScroll, overflowingElements } from './helpers';

const WIDTHS = [360, 768, 1280];
const PUBLIC_PAGES = ['/', '/login', '/barrierefreiheit'];
const SIGNED_IN_PAGES = [
  '/tracks',
  '/tracks/fachkraefteeinwanderung',
  '/tracks/fachkraefteeinwanderung/reformueberblick',
  '/admin',
  '/admin/personen',
];
const BOXES = '.card, h1, h2, h3, th, td, .site-header, .site-footer';

async function check(page: import('@playwright/test').Page, path: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(path);
  const name = path === '/' ? 'start' : path.slice(1).replace(/\//g, '_');
  await page.screenshot({ path: `test-results/layout/${name}-${width}.png`, fullPage: true });
  await expectNoHorizontalScroll(page);
  expect(await overflowingElements(page, BOXES), `${path} at ${width} px`).toEqual([]);
}

test('public pages fit at 360, 768 and 1280 px', async ({ page }) => {
  for (const width of WIDTHS) {
    for (const path of PUBLIC_PAGES) {
      await check(page, path, width);
    }
  }
});

test('signed-in pages fit at 360, 768 and 1280 px', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(E2E_ADMIN.email);
  await page.getByLabel('Passwort', { exact: true }).fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  for (const width of WIDTHS) {
    for (const path of SIGNED_IN_PAGES) {
      await check(page, path, width);
    }
  }
});
