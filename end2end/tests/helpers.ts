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

export async function expectHydrated(page: Page) {
  await expect(page.locator('#app')).toHaveAttribute('data-hydrated', 'true');
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
