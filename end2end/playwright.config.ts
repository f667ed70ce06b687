// Playwright runs the real `lotse` binary against a fresh SQLite database in Debian Chromium.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.LOTSE_E2E_PORT ?? 3100);
const bin = process.env.LOTSE_E2E_BIN ?? '../target/debug/lotse';

/** The administrator every e2e run starts with (fresh database per run, see Makefile). */
export const E2E_ADMIN = { email: 'admin@e2e.lotse.example', password: 'e2e admin passwort lang' };
/** Mails are written here because no SMTP server is configured. */
export const OUTBOX_DIR = '../target/e2e/outbox';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'de-DE',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    // A fresh database gets its first admin, then the server starts (and imports content/).
    command: `${bin} user create-admin --email ${E2E_ADMIN.email} && ${bin} serve --listen 127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: process.env.LOTSE_E2E_DATABASE_URL ?? 'sqlite://../target/e2e/lotse.db',
      LOTSE_SITE_ROOT: '../target/site',
      LOTSE_CONTENT_DIR: '../content',
      LOTSE_LOG: 'warn',
      LOTSE_ADMIN_PASSWORD: E2E_ADMIN.password,
      LOTSE_OUTBOX_DIR: OUTBOX_DIR,
      LOTSE_BASE_URL: `http://127.0.0.1:${port}`,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
