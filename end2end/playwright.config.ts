// Playwright runs the real `lotse` binary against a fresh SQLite database in Debian Chromium.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.LOTSE_E2E_PORT ?? 3100);
const bin = process.env.LOTSE_E2E_BIN ?? '../target/debug/lotse';

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
    command: `${bin} serve --listen 127.0.0.1:${port}`,
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
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
