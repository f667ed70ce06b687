// Looking things up again: search from the header box, open a result, browse the
// Normenverzeichnis and open one norm. With and without JavaScript, at 360 and 1280 px; axe on
// every page; search pages load no WebAssembly (they have no island).
import { test, expect, Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import {
  collectBrowserErrors,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  recordScriptRequests,
} from './helpers';

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(E2E_ADMIN.email);
  await page.getByLabel('Passwort', { exact: true }).fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
}

/** axe runs with JavaScript; without it, the same page is checked in a script-free copy. */
async function checkPage(page: Page, js: boolean) {
  await expectNoHorizontalScroll(page);
  if (js) {
    await expectNoAxeViolations(page);
    return;
  }
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'de-DE', viewport: page.viewportSize() });
  await context.addCookies(await page.context().cookies());
  const probe = await context.newPage();
  await probe.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  await probe.goto(page.url());
  await expectNoAxeViolations(probe);
  await context.close();
}

for (const js of [true, false]) {
  for (const width of [360, 1280]) {
    test.describe(`${js ? 'with' : 'without'} JavaScript at ${width} px`, () => {
      test.use({ javaScriptEnabled: js, viewport: { width, height: 900 } });

      test('search from the header, open a result, browse the Normenverzeichnis', async ({ page }) => {
        const errors = collectBrowserErrors(page);
        const scripts = recordScriptRequests(page);
        await signIn(page);

        // The header box on any page; a GET form, so Enter works with or without JavaScript.
        await page.goto('/tracks');
        const box = page.getByRole('search').getByRole('searchbox', { name: 'Lerninhalte durchsuchen' });
        await box.fill('Fiktionsbescheinigung');
        await box.press('Enter');
        await expect(page).toHaveURL(/\/suche\?q=Fiktionsbescheinigung$/);
        await expect(page.getByRole('heading', { level: 1, name: 'Suche' })).toBeVisible();
        await expect(page.getByTestId('search-summary')).toContainText('gefunden');
        const first = page.getByTestId('search-results').locator('.search-hit').first();
        await expect(first.locator('mark').first()).toHaveText(/Fiktionsbescheinigung/i);
        await checkPage(page, js);
        await page.screenshot({ path: `test-results/search/suche-${js ? 'js' : 'nojs'}-${width}.png`, fullPage: true });

        // Open the result: the lesson.
        await page.getByRole('link', { name: 'Die Fiktionsbescheinigung', exact: true }).click();
        await expect(page).toHaveURL('/tracks/basiswissen/antrag-fiktion/fiktionsbescheinigung');
        await expect(page.getByRole('heading', { level: 1, name: 'Die Fiktionsbescheinigung' })).toBeVisible();

        // A norm typed as people type it; the citing lesson is marked.
        await page.getByRole('searchbox', { name: 'Lerninhalte durchsuchen' }).fill('§81a');
        await page.getByRole('searchbox', { name: 'Lerninhalte durchsuchen' }).press('Enter');
        await expect(page.locator('.search-hit__cites').first()).toContainText('§ 81a AufenthG');

        // Nothing found: a German hint, no error.
        scripts.length = 0;
        await page.goto('/suche?q=Quarkspeise');
        await expect(page.getByTestId('search-none')).toContainText('Prüfen Sie die Schreibweise');
        await checkPage(page, js);

        // The Normenverzeichnis from the main navigation, then one norm.
        await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Normen' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Normenverzeichnis' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 2, name: 'AufenthG' })).toBeVisible();
        await checkPage(page, js);
        await page.screenshot({ path: `test-results/search/normen-${js ? 'js' : 'nojs'}-${width}.png`, fullPage: true });
        await page.getByRole('link', { name: '§ 81a AufenthG', exact: true }).click();
        await expect(page).toHaveURL('/normen/aufenthg/81a');
        await expect(page.getByRole('heading', { level: 1, name: '§ 81a AufenthG' })).toBeVisible();
        await expect(page.locator('.citing__sentence').first()).toContainText('81a');
        await checkPage(page, js);
        // Search and norm pages have no island: they load no JavaScript or WebAssembly.
        expect(scripts).toEqual([]);
        await page.getByTestId('citing').getByRole('link').first().click();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(errors).toEqual([]);
      });
    });
  }
}
