// Supervisors and assignments (issue 10), once with JavaScript and once without, axe on every
// page of the supervisor and the learner: an admin sets up an office with two teams, a supervisor
// and two learners (by invitation, as in accounts.spec.ts). The supervisor previews and then
// assigns "Basiswissen für Quereinsteigende" to one team as Pflicht due in 14 days; the learner of
// that team sees it first on the dashboard, completes the module "Passpflicht und Identität" (the
// shortest: 3 lessons and a quiz), and the supervisor sees "erledigt" in the table, opens the
// person, and downloads CSV and XLSX, which are parsed and checked row by row (umlauts included).
// The learner's /profil/sichtbarkeit shows exactly the supervisor's drill-down.
//
// The server has no clock control, and the form refuses past dates, so the overdue list is
// checked with the demo office of `lotse demo` (the existing CLI), which seeds an assignment due
// three days ago; the same office's full table is used for the 360/1280 px layout check.
import { test, expect, Browser, Page } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { E2E_ADMIN } from '../playwright.config';
import {
  collectBrowserErrors,
  expectHydrated,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNotHydrated,
} from './helpers';
import { linkFromLatestMail } from './mail';
import { readQuiz } from './quiz';

// Paths as in playwright.config.ts, relative to the end2end folder.
const E2E_DIR = path.join(__dirname, '..');
const BIN = path.resolve(E2E_DIR, process.env.LOTSE_E2E_BIN ?? '../target/debug/lotse');
const DATABASE_URL = process.env.LOTSE_E2E_DATABASE_URL ?? 'sqlite://../target/e2e/lotse.db';
const MODULE_DIR = path.join(__dirname, '../../content/basiswissen/02-pass-identitaet');
const MODULE_URL = '/tracks/basiswissen/pass-identitaet';
const LESSONS = ['passpflicht', 'ausweispflichten', 'identitaet-mitwirkung'];
const TRACK = 'Basiswissen für Quereinsteigende';
const MODULE = 'Passpflicht und Identität';
const COLUMN = `${TRACK} – ${MODULE}`;
const PASSWORD = 'zuweisung mit frist 2026';

// ---- dates as Lotse shows them (calendar dates in Europe/Berlin) -------------------------------

function berlinToday(): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date());
  const [y, m, d] = parts.split('-').map(Number);
  return { y, m, d };
}

/** Today in Berlin plus `days`, as `dd.mm.yyyy` and as `yyyy-mm-dd` (for a date input). */
function berlinDate(days: number): { de: string; iso: string } {
  const { y, m, d } = berlinToday();
  const date = new Date(Date.UTC(y, m - 1, d + days));
  const iso = date.toISOString().slice(0, 10);
  const [yy, mm, dd] = iso.split('-');
  return { de: `${dd}.${mm}.${yy}`, iso };
}

// ---- axe with and without JavaScript (as in learner.spec.ts) ----------------------------------

/** Checks the page as it is now with axe; without JavaScript, the same address is re-opened. */
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
 * second page with the same cookies and JavaScript on for axe, but Lotse's own script and
 * WebAssembly blocked: it shows exactly the server-rendered HTML a no-JS browser gets.
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

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
}

// ---- set-up by the admin (with JavaScript; admin pages are axe-checked in accounts.spec.ts) ---

type Person = { email: string; name: string };
type Office = { name: string; slug: string; team: string; otherTeam: string; supervisor: Person; learner: Person; colleague: Person };

function newOffice(js: boolean): Office {
  const stamp = `${js ? 'js' : 'nojs'}-${Date.now().toString(36)}`;
  const mail = (who: string) => `${who}.${stamp}@e2e.lotse.example`;
  return {
    name: `Ausländerbehörde Prüfstadt ${stamp}`,
    slug: `pruefstadt-${stamp}`,
    team: 'Außendienst Süd',
    otherTeam: 'Einbürgerung Nord',
    supervisor: { email: mail('fuehrung'), name: 'Dörte Großmann' },
    learner: { email: mail('lernende'), name: `Jürgen Weiß ${stamp}` },
    colleague: { email: mail('kollegin'), name: `Zoë Köhler ${stamp}` },
  };
}

async function invite(admin: Page, office: Office, person: Person, team: string | null, role: string) {
  await admin.goto('/admin/einladen');
  await expectHydrated(admin);
  await admin.locator('#invite-office').selectOption({ label: office.name });
  if (team) {
    // Team names repeat across offices: pick the option inside this office's group.
    const option = admin.locator(`#invite-team optgroup[label="${office.name}"] option`, { hasText: team });
    await admin.locator('#invite-team').selectOption(await option.getAttribute('value') ?? '');
  }
  await admin.getByLabel('E-Mail-Adresse').fill(person.email);
  await admin.getByLabel('Name', { exact: true }).fill(person.name);
  await admin.getByLabel('Rolle').selectOption({ label: role });
  await admin.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(admin.getByRole('status')).toContainText('Die Einladung wurde per E-Mail versendet.');
}

async function acceptInvitation(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await linkFromLatestMail(email, '/einladung'));
  await page.getByLabel('Neues Passwort').fill(PASSWORD);
  await page.getByLabel('Passwort wiederholen').fill(PASSWORD);
  await page.getByRole('button', { name: 'Konto einrichten' }).click();
  await expect(page).toHaveURL(/\/login\?hinweis=konto-aktiviert/);
  await context.close();
}

async function setUpOffice(browser: Browser, office: Office) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await admin.goto('/admin/behoerden');
  await expectHydrated(admin);
  await admin.getByLabel('Name', { exact: true }).fill(office.name);
  await admin.getByLabel('Kurzname (für Adressen)').fill(office.slug);
  await admin.getByLabel('Land').selectOption('BW');
  await admin.getByRole('button', { name: 'Behörde anlegen' }).click();
  const card = admin.locator('li.card').filter({ has: admin.getByRole('heading', { level: 3, name: office.name }) });
  for (const team of [office.team, office.otherTeam]) {
    await card.getByLabel('Neues Team').fill(team);
    await card.getByRole('button', { name: 'Anlegen' }).click();
    await expect(card).toContainText(team);
  }
  await invite(admin, office, office.supervisor, null, 'Führungskraft');
  await invite(admin, office, office.learner, office.team, 'Lernende');
  await invite(admin, office, office.colleague, office.otherTeam, 'Lernende');
  await context.close();
  for (const person of [office.supervisor, office.learner, office.colleague]) {
    await acceptInvitation(browser, person.email);
  }
}

// ---- the supervisor assigns --------------------------------------------------------------------

async function assignBasiswissen(page: Page, office: Office, js: boolean) {
  const due = berlinDate(14);
  await page.goto('/team');
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Team' })).toBeVisible();
  await expect(page.getByText('Noch keine Zuweisungen.')).toBeVisible();
  await visit(page, js);
  await page.getByRole('link', { name: 'Lernpfad zuweisen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lernpfad zuweisen' })).toBeVisible();
  await visit(page, js);

  await page.getByLabel('Wem?').selectOption({ label: `Team ${office.team}` });
  await page.getByRole('radio', { name: TRACK, exact: true }).check();
  await page.getByRole('radio', { name: 'Pflicht', exact: true }).check();
  // With JavaScript the relative rule, without it the fixed date: both forms of "in 14 days".
  let reach: string;
  if (js) {
    await page.getByRole('radio', { name: 'Tage nach Dienstbeginn der Person' }).check();
    await page.getByLabel('Anzahl Tage').fill('14');
    reach = 'Diese Zuweisung erreicht 1 Person (Pflicht, fällig 14 Tage nach Dienstbeginn der Person).';
  } else {
    await page.getByRole('radio', { name: 'Fester Termin' }).check();
    await page.getByLabel('Fällig am').fill(due.iso);
    reach = `Diese Zuweisung erreicht 1 Person (Pflicht, fällig am ${due.de}).`;
  }

  // Vorschau: a GET of the same page; nothing is saved yet, the draft stays filled in.
  await page.getByRole('button', { name: 'Vorschau' }).click();
  await expect(page).toHaveURL(/\/team\/zuweisen\?.*preview=1/);
  await expect(page.getByRole('status')).toHaveText(reach);
  await expect(page.getByLabel('Wem?').locator('option:checked')).toHaveText(`Team ${office.team}`);
  await expect(page.getByRole('radio', { name: TRACK, exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Pflicht', exact: true })).toBeChecked();
  await visit(page, js);

  await page.getByRole('button', { name: 'Zuweisen' }).click();
  await expect(page).toHaveURL(/\/team(\?|$)/);
  await expect(page.getByRole('status').filter({ hasText: 'Die Zuweisung ist gespeichert.' })).toBeVisible();
  const card = page.locator('li.card').filter({ hasText: `${TRACK} → Team ${office.team}` });
  await expect(card).toContainText('Pflicht');
  await expect(card).toContainText('erreicht 1 Person');
  await expect(card).toContainText(`zugewiesen von ${office.supervisor.name}`);
  await visit(page, js);
}

// ---- the learner -------------------------------------------------------------------------------

async function seeAssignmentFirst(page: Page, js: boolean) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Lernstand' })).toBeVisible();
  const assigned = page.locator('section[aria-labelledby="zugewiesen"]');
  await expect(assigned.getByRole('heading', { level: 2, name: 'Ihnen zugewiesen' })).toBeVisible();
  // First among the tracks on the page, with status, Pflicht and the due date.
  const first = page.locator('li.track-card').first();
  await expect(first.getByRole('heading', { name: TRACK })).toBeVisible();
  await expect(assigned.locator('li.track-card')).toHaveCount(1);
  await expect(first).toContainText('nicht begonnen · Pflicht');
  await expect(first).toContainText(`Zu erledigen bis ${berlinDate(14).de}`);
  await visit(page, js);
}

async function completeModule(page: Page, js: boolean) {
  for (const lesson of LESSONS) {
    await page.goto(`${MODULE_URL}/${lesson}`);
    await visit(page, js);
    await page.getByRole('button', { name: 'Als erledigt markieren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Diese Lektion ist als erledigt markiert.' })).toBeVisible();
  }
  await page.goto(`${MODULE_URL}/quiz`);
  await expect(page.getByRole('heading', { level: 1, name: /^Abschlusstest/ })).toBeVisible();
  await visit(page, js);
  const questions = readQuiz(path.join(MODULE_DIR, 'quiz.md'));
  const fieldsets = page.locator('fieldset.question');
  await expect(fieldsets).toHaveCount(questions.length);
  for (const [i, q] of questions.entries()) {
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
  await expect(page.getByTestId('quiz-result').getByRole('heading', { name: 'Ergebnis: Bestanden' })).toBeVisible();
  await visit(page, js);
  await page.goto(MODULE_URL);
  await expect(page.getByTestId('module-progress')).toContainText('abgeschlossen');
}

// ---- the supervisor sees the change and exports ------------------------------------------------

/** The text of the learner's cell in the module's column of the people × modules table. */
async function boardCell(page: Page, name: string, column: string): Promise<string> {
  const table = page.locator('table.board');
  const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const index = headers.findIndex((h) => h === column.replace(' – ', ' '));
  expect(index, `column "${column}" in ${JSON.stringify(headers)}`).toBeGreaterThan(1);
  const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row).toHaveCount(1);
  // Row: <th> name, then <td>s; header index counts the name column too.
  return (await row.locator('th, td').nth(index).innerText()).replace(/\s+/g, ' ').trim();
}

async function seeProgress(page: Page, office: Office, js: boolean): Promise<string> {
  const today = berlinDate(0).de;
  await page.goto('/team');
  await expect(page.getByRole('heading', { level: 2, name: 'Überfällig' })).toBeVisible();
  // Nothing of this office is past due (a new assignment cannot be): the list says so.
  await expect(page.getByText('Nichts überfällig.')).toBeVisible();
  const done = page.locator('table.board tbody tr').filter({ has: page.getByRole('rowheader', { name: office.learner.name }) }).locator('.status--completed');
  await expect(done).toHaveCount(1);
  expect(await boardCell(page, office.learner.name, COLUMN)).toMatch(new RegExp(`erledigt am ${today.replace(/\./g, '\\.')}$`));
  // Another module of the track is still open, with its due date; the colleague's team has none.
  const open = await boardCell(page, office.learner.name, `${TRACK} – Aufbau des AufenthG und die Aufenthaltstitel`);
  expect(open).toMatch(new RegExp(`(nicht begonnen|in Bearbeitung) fällig ${berlinDate(14).de.replace(/\./g, '\\.')}$`));
  expect(await boardCell(page, office.colleague.name, COLUMN)).toBe('nicht zugewiesen');
  await expect(page.locator('table.board tbody tr')).toHaveCount(2);
  await visit(page, js);

  // Counted per person and assignment: one module done leaves the track assignment open.
  const counter = (label: string) => page.locator('ul.counters li').filter({ hasText: new RegExp(`^\\s*\\d+\\s*${label}$`) }).locator('.counters__value');
  await expect(counter('zugewiesen')).toHaveText('1');
  await expect(counter('erledigt')).toHaveText('0');
  await expect(counter('überfällig')).toHaveText('0');

  // The filters are query parameters (status per assignment): this team, in progress.
  await page.getByLabel('Team').selectOption({ label: office.team });
  await page.getByLabel('Status').selectOption({ label: 'in Bearbeitung' });
  await page.getByLabel('Art').selectOption({ label: 'nur Pflicht' });
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/\/team\?.*team=\d+.*status=in-progress.*pflicht=ja/);
  await expect(page.locator('table.board tbody tr')).toHaveCount(1);
  await expect(page.getByRole('rowheader', { name: office.learner.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CSV (Excel)' })).toHaveAttribute('href', /^\/team\/export\.csv\?.*status=in-progress/);
  await visit(page, js);
  await page.getByLabel('Status').selectOption({ label: 'erledigt' });
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/status=completed/);
  await expect(page.getByText('Keine Personen für diese Filter.')).toBeVisible();
  await page.goto('/team');

  // The person page: the same drill-down the learner will see.
  await page.getByRole('rowheader', { name: office.learner.name }).getByRole('link').click();
  await expect(page).toHaveURL(/\/team\/personen\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: office.learner.name })).toBeVisible();
  const detail = page.locator('[data-person-detail]');
  await expect(detail).toContainText(`Team: ${office.team}`);
  await expect(detail.getByRole('heading', { level: 3, name: TRACK })).toBeVisible();
  await expect(detail).toContainText(berlinDate(14).de);
  await expect(page.getByRole('heading', { level: 2, name: 'Frist verlängern, befreien oder zurücknehmen' })).toBeVisible();
  await visit(page, js);
  return (await detail.innerText()).trim();
}

/** A CSV row split at `;`, with Excel's quoting ("a;b" and "" inside quotes) undone. */
function csvRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

async function download(page: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

async function exportBoth(page: Page, office: Office) {
  const today = berlinDate(0);
  await page.goto('/team');
  const csv = await download(page, 'CSV (Excel)');
  expect(csv.name).toBe(`lotse-${office.slug}-${today.iso}.csv`);
  // UTF-8 with byte order mark, for German Excel.
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
  expect(text.endsWith('\r\n')).toBe(true);
  const csvGrid = text.trimEnd().split('\r\n').map(csvRow);

  const xlsx = await download(page, 'Excel-Datei (XLSX)');
  expect(xlsx.name).toBe(`lotse-${office.slug}-${today.iso}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Lernstand');
  expect(sheet, 'worksheet "Lernstand"').toBeTruthy();
  const xlsxGrid: string[][] = [];
  sheet!.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet!.columnCount; c++) cells.push(String(row.getCell(c).value ?? ''));
    xlsxGrid.push(cells);
  });

  for (const [label, grid] of [['CSV', csvGrid], ['XLSX', xlsxGrid]] as const) {
    const [header, ...rows] = grid;
    expect(header.slice(0, 2), `${label} header`).toEqual(['Name', 'Team']);
    const col = header.indexOf(COLUMN);
    expect(col, `${label} column "${COLUMN}" in ${JSON.stringify(header)}`).toBeGreaterThan(1);
    expect(rows, `${label} rows`).toHaveLength(2);
    const learner = rows.find((r) => r[0] === office.learner.name);
    expect(learner, `${label} row for ${office.learner.name}`).toBeTruthy();
    // Umlauts and ß survive in names, teams and track titles.
    expect(learner![1]).toBe('Außendienst Süd');
    expect(learner![col]).toBe(`erledigt, am ${today.de}`);
    const colleague = rows.find((r) => r[0] === office.colleague.name);
    expect(colleague?.[1]).toBe('Einbürgerung Nord');
    expect(colleague?.[col]).toBe('nicht zugewiesen');
    // Never how well: no percentages, points or attempts.
    expect(grid.flat().join('|')).not.toMatch(/%|Punkte|Versuch/);
  }
  // Same cells in both formats.
  expect(xlsxGrid).toEqual(csvGrid);
}

// ---- the demo office: overdue list and layout --------------------------------------------------

/** Runs `lotse demo` (idempotent; sets new passwords) and returns the supervisor's password. */
function demoSupervisorPassword(): string {
  const out = execFileSync(BIN, ['demo'], {
    cwd: E2E_DIR,
    env: { ...process.env, DATABASE_URL, LOTSE_CONTENT_DIR: '../content', LOTSE_LOG: 'warn' },
  }).toString('utf8');
  const match = out.match(/fuehrung@demo\.lotse\.example\s+Passwort: (.+?) {3}\(/);
  if (!match) throw new Error(`no supervisor password in:\n${out}`);
  return match[1];
}

// ---- the tests ---------------------------------------------------------------------------------

for (const js of [true, false]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js });

    test('a supervisor assigns Basiswissen to a team; the learner completes a module; the supervisor sees and exports it', async ({ browser }) => {
      test.setTimeout(240_000);
      const office = newOffice(js);
      await setUpOffice(browser, office);

      const supervisorContext = await browser.newContext({ javaScriptEnabled: js, locale: 'de-DE' });
      const supervisor = await supervisorContext.newPage();
      const supervisorErrors = collectBrowserErrors(supervisor);
      await signIn(supervisor, office.supervisor.email, PASSWORD);
      await assignBasiswissen(supervisor, office, js);

      const learnerContext = await browser.newContext({ javaScriptEnabled: js, locale: 'de-DE' });
      const learner = await learnerContext.newPage();
      const learnerErrors = collectBrowserErrors(learner);
      await signIn(learner, office.learner.email, PASSWORD);
      await seeAssignmentFirst(learner, js);
      await completeModule(learner, js);

      const supervisorSees = await seeProgress(supervisor, office, js);
      await exportBoth(supervisor, office);

      await learner.goto('/profil/sichtbarkeit');
      await expect(learner.getByRole('heading', { level: 1, name: 'Was meine Führungskraft sieht' })).toBeVisible();
      const own = learner.locator('[data-person-detail]');
      await expect(own.getByRole('heading', { level: 3, name: TRACK })).toBeVisible();
      await expect(own).toContainText('Pflicht');
      // Exactly what the supervisor's person page shows.
      expect((await own.innerText()).trim()).toBe(supervisorSees);
      await visit(learner, js);

      expect([...supervisorErrors, ...learnerErrors]).toEqual([]);
      await supervisorContext.close();
      await learnerContext.close();
    });

    test('the overdue list of the demo office shows a passed due date', async ({ page }) => {
      await signIn(page, 'fuehrung@demo.lotse.example', demoSupervisorPassword());
      await page.goto('/team');
      const overdue = page.locator('section[aria-labelledby="ueberfaellig"]');
      await expect(overdue.getByRole('heading', { level: 2, name: 'Überfällig' })).toBeVisible();
      const entry = overdue.getByRole('listitem').filter({ hasText: 'Demo Person Ahmadi' });
      await expect(entry).toContainText(`(Pflicht), fällig am ${berlinDate(-3).de}`);
      await expect(entry.getByRole('link', { name: 'Demo Person Ahmadi' })).toHaveAttribute('href', /^\/team\/personen\/\d+$/);
      await visit(page, js);
      await page.getByLabel('Status').selectOption({ label: 'überfällig' });
      await page.getByRole('button', { name: 'Filter anwenden' }).click();
      await expect(page).toHaveURL(/status=overdue/);
      await expect(page.getByRole('rowheader', { name: 'Demo Person Ahmadi' })).toBeVisible();
      await visit(page, js);
    });
  });
}

test('team, person and visibility pages fit at 360 and 1280 px; only the table scrolls sideways', async ({ page }) => {
  await signIn(page, 'fuehrung@demo.lotse.example', demoSupervisorPassword());
  await page.goto('/team');
  const person = await page.getByRole('rowheader', { name: 'Demo Person Ahmadi' }).getByRole('link').getAttribute('href');
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const url of ['/team', '/team/zuweisen', person ?? '/team/personen/0', '/profil/sichtbarkeit']) {
      await page.goto(url);
      await expect(page.locator('h1')).toBeVisible();
      const name = url.slice(1).replace(/\//g, '_');
      await page.screenshot({ path: `test-results/layout/${name}-${width}.png`, fullPage: true });
      await expectNoHorizontalScroll(page);
      const overflowing = await page.$$eval('.card, h1, h2, h3, th, td, label, .site-header, .site-footer', (nodes) =>
        nodes
          .filter((n) => !n.closest('.table-scroll') && !n.classList.contains('visually-hidden') && n.scrollWidth > n.clientWidth + 1)
          .map((n) => `${n.tagName.toLowerCase()}: ${(n.textContent ?? '').trim().slice(0, 60)}`),
      );
      expect(overflowing, `${url} at ${width} px`).toEqual([]);
    }
  }
});
