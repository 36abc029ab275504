// Desktop-shell end-to-end tests: launch the built app (out/main/index.js) with Playwright's Electron driver.
// Kept out of the default run (test/playwright.config.ts matches test/e2e/ only) because they need Electron's
// binary, which not every machine can download. Run with `npm run test:electron` (it builds first).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './electron',
  testMatch: '**/*.electron.spec.ts',
  outputDir: './output/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
