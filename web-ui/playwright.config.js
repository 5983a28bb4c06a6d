import { defineConfig } from '@playwright/test';

// Browser tests against a running TuneLab (TUNELAB_URL). `./mvnw verify` runs them from the app
// module's BrowserTest, which starts TuneLab with its embedded servers first. Debian's Chromium is
// used as it is installed; Playwright downloads no browser.
export default defineConfig({
  testDir: './e2e',
  outputDir: 'target/e2e/results',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.TUNELAB_URL || 'http://localhost:8080',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
