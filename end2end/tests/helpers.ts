// Shared checks: accessibility (axe, WCAG 2.1 A/AA) and a clean browser console.
import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects page errors and console errors; assert it is empty at the end of a test. */
export function collectBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/**
 * Islands: only the interactive parts of a page (marked `data-island`) run in the browser.
 * Waits until every island on the page has attached; a page without islands has nothing to
 * hydrate (and loads no WebAssembly, see `home.spec.ts`).
 */
export async function expectHydrated(page: Page) {
  await page.waitForLoadState('load');
  const islands = page.locator('[data-island]');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    await expect(islands.nth(i)).toHaveAttribute('data-hydrated', 'true');
  }
}

/** No island on the page has attached (JavaScript off or blocked). */
export async function expectNotHydrated(page: Page) {
  await expect(page.locator('[data-island][data-hydrated="true"]')).toHaveCount(0);
}

/** The URLs of JavaScript and WebAssembly this page loaded from /pkg. */
export function recordScriptRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/\/pkg\/.*\.(js|wasm)$/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

/** Elements whose content runs out of their own box (wider content than the box shows). */
export async function overflowingElements(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) =>
    nodes
      .filter((n) => n.scrollWidth > n.clientWidth + 1)
      .map((n) => `${n.tagName.toLowerCase()}: ${(n.textContent ?? '').trim().slice(0, 60)}`),
  );
}

/** The page is not wider than the window (no horizontal scrolling). */
export async function expectNoHorizontalScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `horizontal scrolling on ${page.url()}`).toBeLessThanOrEqual(client);
}
