import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  outputDir: './output/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // The CI machine has 2 cores and builds while it tests: pdf.js previews and first screens can take over 5 s there.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npm run web:build && npm run web:preview',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    cwd: '..',
    // The page may reach a team server on this computer, on any port (the tests' pouchdb-server picks one when it
    // starts), and no other origin: the preview server sends this policy (renderer/vite.config.ts, issue #14).
    env: { REDRESS_SHARING_ORIGINS: process.env.REDRESS_SHARING_ORIGINS ?? 'http://127.0.0.1:*' },
  },
});
