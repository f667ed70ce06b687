// Accounts as people use them: an admin invites, the invitee sets a password from the mailed
// link, signs in and out. Once with JavaScript (axe on every page), once without.
import { test, expect, Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expectHydrated, expectNoAxeViolations } from './helpers';
import { linkFromLatestMail } from './mail';

const NEW_PASSWORD = 'mein neues langes passwort';

async function signIn(page: Page, email: string, password: string, axe: boolean) {
  await page.goto('/login');
  if (axe) await expectHydrated(page);
  if (axe) await expectNoAxeViolations(page);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
}

async function ensureOffice(page: Page, axe: boolean) {
  await page.goto('/admin/behoerden');
  await expect(page.getByRole('heading', { level: 1, name: 'Behörden und Teams' })).toBeVisible();
  if (axe) await expectHydrated(page);
  if (axe) await expectNoAxeViolations(page);
  if (await page.getByRole('heading', { level: 3, name: 'Ausländerbehörde E2E' }).count() === 0) {
    await page.getByLabel('Name', { exact: true }).fill('Ausländerbehörde E2E');
    await page.getByLabel('Kurzname (für Adressen)').fill('abh-e2e');
    await page.getByLabel('Land').selectOption('HE');
    await page.getByRole('button', { name: 'Behörde anlegen' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Ausländerbehörde E2E' })).toBeVisible();
  }
}

async function invite(page: Page, email: string, axe: boolean) {
  await page.goto('/admin/einladen');
  await expect(page.getByRole('heading', { level: 1, name: 'Personen einladen' })).toBeVisible();
  if (axe) await expectHydrated(page);
  if (axe) await expectNoAxeViolations(page);
  await page.getByLabel('Behörde').first().selectOption({ label: 'Ausländerbehörde E2E' });
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Neue Kollegin');
  await page.getByRole('button', { name: 'Einladung senden' }).click();
}

async function acceptInvitation(page: Page, email: string, axe: boolean) {
  const link = await linkFromLatestMail(email, '/einladung');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Einladung annehmen' })).toBeVisible();
  if (axe) await expectHydrated(page);
  await expect(page.getByText(email)).toBeVisible();
  if (axe) await expectNoAxeViolations(page);
  // Rules the server checks come back as German messages (too short is caught by the browser).
  await page.getByLabel('Neues Passwort').fill('Passwort1234');
  await page.getByLabel('Passwort wiederholen').fill('Passwort1234');
  await page.getByRole('button', { name: 'Konto einrichten' }).click();
  await expect(page.getByRole('alert')).toContainText('zu verbreitet');
  await page.getByLabel('Neues Passwort').fill(NEW_PASSWORD);
  await page.getByLabel('Passwort wiederholen').fill(NEW_PASSWORD + 'x');
  await page.getByRole('button', { name: 'Konto einrichten' }).click();
  await expect(page.getByRole('alert')).toContainText('stimmen nicht überein');
  await page.getByLabel('Neues Passwort').fill(NEW_PASSWORD);
  await page.getByLabel('Passwort wiederholen').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Konto einrichten' }).click();
  await expect(page).toHaveURL(/\/login\?hinweis=konto-aktiviert/);
  await expect(page.getByRole('status')).toContainText('Ihr Konto ist eingerichtet');
  if (axe) await expectNoAxeViolations(page);
}

async function signOut(page: Page, axe: boolean) {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login\?hinweis=abgemeldet/);
  await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();
  if (axe) await expectNoAxeViolations(page);
}

for (const js of [true, false]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js });

    test('invite, set password from the mailed link, sign in and out', async ({ browser }) => {
      const email = `neu.${js ? 'js' : 'nojs'}@e2e.lotse.example`;
      const adminContext = await browser.newContext({ javaScriptEnabled: js });
      const admin = await adminContext.newPage();
      await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password, js);
      await ensureOffice(admin, js);
      await invite(admin, email, js);
      await expect(admin.getByRole('status')).toContainText('Die Einladung wurde per E-Mail versendet.');
      await admin.goto('/admin/personen');
      await expect(admin.getByRole('row', { name: new RegExp(email) })).toBeVisible();
      if (js) await expectNoAxeViolations(admin);
      await adminContext.close();

      const inviteeContext = await browser.newContext({ javaScriptEnabled: js });
      const invitee = await inviteeContext.newPage();
      await acceptInvitation(invitee, email, js);
      await signIn(invitee, email, NEW_PASSWORD, false);
      await expect(invitee.getByRole('button', { name: 'Abmelden' })).toBeVisible();
      await signOut(invitee, js);
      // Reusing the link fails with a clear message.
      await invitee.goto(await linkFromLatestMail(email, '/einladung'));
      await expect(invitee.getByRole('alert')).toContainText('ungültig, abgelaufen oder wurde bereits verwendet');
      await inviteeContext.close();
    });

    test('a wrong password gets the German message', async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('E-Mail-Adresse').fill('niemand@e2e.lotse.example');
      await page.getByLabel('Passwort', { exact: true }).fill('falsches passwort');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist nicht korrekt.');
    });
  });
}
