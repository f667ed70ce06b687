// The start page: renders on the server, hydrates in the browser, is accessible, works without JS.
import { test, expect } from '@playwright/test';
import { collectBrowserErrors, expectHydrated, expectNoAxeViolations, expectNotHydrated, recordScriptRequests } from './helpers';

test('start page renders without any WebAssembly and has no accessibility violations', async ({ page }) => {
  const errors = collectBrowserErrors(page);
  const scripts = recordScriptRequests(page);
  await page.goto('/');
  await expect(page).toHaveTitle('Start – Lotse');
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Lotse' })).toBeVisible();
  await expectHydrated(page);
  // The server imported content/ on start: the three tracks are listed in order.
  const tracks = page.getByTestId('track-list').getByRole('heading', { level: 3 });
  await expect(tracks).toHaveText([
    'Basiswissen für Quereinsteigende',
    'Digitales Arbeiten auf der Behörde',
    'Fachkräfteeinwanderungsgesetz',
  ]);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  // Nothing on the start page needs the browser: no island, so no script or wasm is loaded.
  await expect(page.locator('[data-island]')).toHaveCount(0);
  expect(scripts).toEqual([]);
});

test('the skip link is the first tab stop and moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await expectHydrated(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#inhalt')).toBeFocused();
});

test('unknown addresses show the German 404 page', async ({ page }) => {
  const response = await page.goto('/gibt-es-nicht');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the accessibility statement is reachable from the footer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the start page is fully rendered by the server', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Lotse' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Lernpfade' })).toBeVisible();
    await expect(page.getByTestId('track-list').getByRole('listitem')).toHaveCount(3);
    // Nothing ran in the browser, and the page still carries its content.
    await expectNotHydrated(page);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  });
});

test('administration pages need no WebAssembly either', async ({ page }) => {
  const { E2E_ADMIN } = await import('../playwright.config');
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(E2E_ADMIN.email);
  await page.getByLabel('Passwort', { exact: true }).fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  const scripts = recordScriptRequests(page);
  for (const path of ['/', '/tracks', '/admin', '/admin/personen', '/admin/einladen']) {
    await page.goto(path);
    await expect(page.locator('[data-island]')).toHaveCount(0);
  }
  expect(scripts).toEqual([]);
});
