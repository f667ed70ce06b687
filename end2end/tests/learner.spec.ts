// A new learner works through the first module of "Basiswissen": reads and marks every lesson,
// fails the quiz once, passes it, and sees the module complete and the track percentage on the
// track page and the dashboard. Once with JavaScript (in-place updates, keyboard use), once
// without (plain form posts and redirects). axe runs on every page visited.
import { test, expect, Page } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { collectBrowserErrors, expectHydrated, expectNoAxeViolations, expectNotHydrated } from './helpers';
import { readQuiz, Question } from './quiz';

// Paths as in playwright.config.ts, relative to the end2end folder.
const E2E_DIR = path.join(__dirname, '..');
const BIN = path.resolve(E2E_DIR, process.env.LOTSE_E2E_BIN ?? '../target/debug/lotse');
const DATABASE_URL = process.env.LOTSE_E2E_DATABASE_URL ?? 'sqlite://../target/e2e/lotse.db';
const TRACK_DIR = path.join(__dirname, '../../content/basiswissen');
const MODULE_URL = '/tracks/basiswissen/aufenthaltstitel';
const PASSWORD = 'lernen am laufenden band 2026';

/** A fresh account per run, so reruns on the same database start from zero. Admins may learn. */
function newLearner(label: string): string {
  const email = `${label}.${Date.now()}@e2e.lotse.example`;
  execFileSync(BIN, ['user', 'create-admin', '--email', email, '--name', `Lernende ${label}`], {
    cwd: E2E_DIR,
    env: { ...process.env, DATABASE_URL, LOTSE_ADMIN_PASSWORD: PASSWORD, LOTSE_LOG: 'warn' },
  });
  return email;
}

/** "Rechtsstand dd.mm.yyyy" as the module page shows it, from the module's front matter. */
function legalStatus(): string {
  const front = fs.readFileSync(path.join(TRACK_DIR, '01-aufenthaltstitel/module.md'), 'utf8');
  const [, y, m, d] = front.match(/^legal_status = (\d{4})-(\d{2})-(\d{2})/m) ?? [];
  return `Rechtsstand ${d}.${m}.${y}`;
}

/** Units of the track (every lesson and every quiz), counted from the content folder. */
function trackUnits(): number {
  return fs
    .readdirSync(TRACK_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(TRACK_DIR, d.name)))
    .filter((f) => /^\d+-.*\.md$/.test(f) || f === 'quiz.md').length;
}

/** Checks the page the learner sees now with axe. */
async function visit(page: Page, js: boolean) {
  if (js) {
    await expectHydrated(page);
    await expectNoAxeViolations(page);
  } else {
    await expectNoAxeViolationsWithoutScripts(page);
  }
}

/**
 * axe needs JavaScript, which this page has switched off. So the same address is opened in a
 * second page with the learner's cookies and JavaScript on for axe, but with Lotse's own script
 * and WebAssembly blocked: it shows exactly the server-rendered HTML a no-JS browser gets.
 * (Every page of the no-JS run is reached by GET, so it can be opened again.)
 */
async function expectNoAxeViolationsWithoutScripts(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'de-DE' });
  await context.addCookies(await page.context().cookies());
  const probe = await context.newPage();
  await probe.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  await probe.goto(page.url());
  await expectNotHydrated(probe);
  await expectNoAxeViolations(probe);
  await context.close();
}

async function signIn(page: Page, email: string, js: boolean) {
  // An anonymous visitor of a learner page is sent to sign in and brought back afterwards.
  await page.goto(MODULE_URL);
  await expect(page).toHaveURL(/\/login\?.*next=/);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(MODULE_URL);
  await expect(page.getByRole('heading', { level: 1, name: 'Aufbau des AufenthG und die Aufenthaltstitel' })).toBeVisible();
  await expect(page.getByTestId('module-progress')).toHaveText('0 von 5 erledigt – 0 %');
  await expect(page.getByText(legalStatus())).toBeVisible();
  await visit(page, js);
}

async function readAndMarkLessons(page: Page, js: boolean) {
  await page.getByRole('link', { name: 'Die sieben Aufenthaltstitel', exact: true }).click();
  for (let lesson = 1; lesson <= 4; lesson++) {
    await expect(page.getByText(`Lektion ${lesson} von 4`)).toBeVisible();
    await expect(page.getByText(/Lesezeit: etwa \d+ Minuten/)).toBeVisible();
    await visit(page, js);
    const mark = page.getByRole('button', { name: 'Als erledigt markieren' });
    if (js) {
      // Keyboard only, and in place: the page is not reloaded.
      await page.evaluate(() => ((window as any).__sameDocument = true));
      await mark.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: '✓ Erledigt' })).toBeFocused();
      expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    } else {
      await mark.click();
    }
    await expect(page.getByRole('status').filter({ hasText: 'Diese Lektion ist als erledigt markiert.' })).toBeVisible();
    const next = page.getByRole('navigation', { name: 'Lektionen blättern' }).getByRole('link', { name: /^Weiter:/ });
    await next.click();
  }
  await expect(page).toHaveURL(`${MODULE_URL}/quiz`);
}

/** Answers every question; `right` picks the keyed options, otherwise only question 1 is right. */
async function answerQuiz(page: Page, questions: Question[], right: boolean) {
  const fieldsets = page.locator('fieldset.question');
  await expect(fieldsets).toHaveCount(questions.length);
  for (const [i, q] of questions.entries()) {
    if (!right && i > 0) continue;
    const fieldset = fieldsets.nth(i);
    if (q.kind === 'text') {
      await fieldset.getByLabel('Ihre Antwort').fill(q.accepted[0]);
    } else {
      for (const option of q.options.filter((o) => o.correct)) {
        await fieldset.getByLabel(option.text, { exact: true }).check();
      }
    }
  }
  await page.getByRole('button', { name: 'Antworten abgeben' }).click();
}

async function takeQuiz(page: Page, js: boolean) {
  const questions = readQuiz(path.join(TRACK_DIR, '01-aufenthaltstitel/quiz.md'));
  await expect(page.getByRole('heading', { level: 1, name: /^Abschlusstest/ })).toBeVisible();
  await visit(page, js);
  // Fail first: only question 1 right.
  await answerQuiz(page, questions, false);
  const result = page.getByTestId('quiz-result');
  await expect(result.getByRole('heading', { name: 'Ergebnis: Nicht bestanden' })).toBeVisible();
  await expect(result).toContainText(`1 von ${questions.length} Fragen richtig – 12 %`);
  await expect(result).toContainText(questions[1].explanationStart);
  if (!js) await expect(page).toHaveURL(/\/quiz\?versuch=/);
  await visit(page, js);
  // Retry: a new attempt, then pass.
  await page.getByRole('link', { name: 'Test erneut ablegen' }).click();
  await answerQuiz(page, questions, true);
  await expect(result.getByRole('heading', { name: 'Ergebnis: Bestanden' })).toBeVisible();
  await expect(result).toContainText(`${questions.length} von ${questions.length} Fragen richtig – 100 %`);
  await expect(page.getByRole('table')).toContainText('12 % – nicht bestanden');
  await expect(page.getByRole('table')).toContainText('100 % – bestanden');
  await visit(page, js);
}

async function seeProgress(page: Page, js: boolean) {
  const units = trackUnits();
  const trackText = `5 von ${units} erledigt – ${Math.floor((5 * 100) / units)} %`;
  await page.getByRole('link', { name: /^Zurück zum Modul/ }).click();
  await expect(page.getByTestId('module-progress')).toHaveText('5 von 5 erledigt – 100 % · abgeschlossen');
  await expect(page.getByTestId('quiz-state')).toContainText('✓ bestanden');
  await visit(page, js);
  await page.getByRole('navigation', { name: 'Sie sind hier' }).getByRole('link', { name: 'Basiswissen für Quereinsteigende' }).click();
  await expect(page.getByTestId('track-progress')).toHaveText(trackText);
  await visit(page, js);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Lernstand' })).toBeVisible();
  const card = page.locator('li.track-card').filter({ has: page.getByRole('heading', { name: 'Basiswissen für Quereinsteigende' }) });
  await expect(card.locator('.progress__text').first()).toHaveText(trackText);
  await expect(page.getByRole('heading', { name: 'Zuletzt erledigt' })).toBeVisible();
  await expect(page.getByText('Test bestanden')).toBeVisible();
  // Weiterlernen continues with the next module.
  await expect(page.getByTestId('resume')).toHaveAttribute('href', /^\/tracks\/basiswissen\/pass-identitaet\//);
  await visit(page, js);
}

for (const js of [true, false]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js });

    test('a new learner completes the first module of Basiswissen', async ({ page }) => {
      test.setTimeout(180_000);
      const errors = collectBrowserErrors(page);
      const email = newLearner(js ? 'js' : 'nojs');
      await signIn(page, email, js);
      await readAndMarkLessons(page, js);
      await takeQuiz(page, js);
      await seeProgress(page, js);
      expect(errors).toEqual([]);
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('lessons and the quiz fit a 360 px screen', async ({ page }) => {
    const email = newLearner('mobil');
    await page.goto('/login');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // The quiz last: its options are tried by touch below.
    for (const url of ['/', `${MODULE_URL}/titelarten`, `${MODULE_URL}/quiz`]) {
      await page.goto(url);
      await expect(page.locator('h1')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal scrolling on ${url}`).toBeLessThanOrEqual(0);
    }
    // Options are touch targets of at least 44 px.
    const label = page.locator('fieldset.question .option label').first();
    const box = await label.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await label.tap();
    await expect(page.locator('fieldset.question').first().locator('input:checked')).toHaveCount(1);
  });
});
