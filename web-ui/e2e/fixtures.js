// What every browser test shares: pages and API calls are signed in as the test server's admin,
// no test passes while a page it drives throws or logs an error, and a chart counts as drawn only
// when it holds data and its canvas shows coloured marks.

import { test as base, expect } from '@playwright/test';

/** Errors seen since the last test ended, from every page that watchErrors was given. */
const seen = [];
/** Patterns of errors the running test expects (a refused request it makes on purpose, say). */
let expected = [];

/** Records the page's uncaught exceptions and console errors until the page closes. */
export function watchErrors(page) {
  page.on('pageerror', (e) => seen.push(`uncaught ${e.name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console.error: ${m.text()} (${m.location().url || 'no url'})`);
  });
}

/** Lets errors matching these patterns pass in the running test only. */
export function expectErrors(...patterns) {
  expected.push(...patterns);
}

/** The test server's admin token (config tunelab.auth.admin-token in the app's test profile). */
export const ADMIN_TOKEN = process.env.TUNELAB_TOKEN || 'tl_test-admin-token-000000000000000000000000000';

/**
 * Signs `page` in through the server's sign-in link, which sets the session cookie and sends the
 * browser to the studies page. `origin` is another way to the same server (a proxy), if any.
 */
export async function signIn(page, { token = ADMIN_TOKEN, origin = '' } = {}) {
  await page.goto(`${origin}/signin?token=${encodeURIComponent(token)}`);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/** A page in a context of its own (no cookie shared with other pages), watched and signed in. */
export async function signedInPage(browser, options) {
  const page = await browser.newPage();
  watchErrors(page);
  await signIn(page, options);
  return page;
}

/** An API client that sends `token` as its bearer credential. */
export const apiAs = (playwright, baseURL, token) =>
  playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });

export const test = base.extend({
  page: async ({ page }, use) => {
    watchErrors(page);
    await signIn(page);
    await use(page);
  },
  // The API as the admin.
  request: async ({ playwright, baseURL }, use) => {
    const api = await apiAs(playwright, baseURL, ADMIN_TOKEN);
    await use(api);
    await api.dispose();
  },
  // Runs around every test, also those that use a page of their own (see watchErrors).
  failOnBrowserErrors: [async ({}, use) => {
    await use();
    const unexpected = seen.filter((e) => !expected.some((p) => p.test(e)));
    seen.length = 0;
    expected = [];
    expect(unexpected, 'page errors and console errors during the test').toEqual([]);
  }, { auto: true }],
});

export { expect };

/**
 * Coloured pixels in the chart's canvases. Axes, grid lines and text are grey or black; data
 * marks use the status and series colours, so a chart without marks counts (almost) none.
 */
export function colouredPixels(chart) {
  return chart.evaluate((root) => {
    let n = 0;
    for (const canvas of root.querySelectorAll('canvas')) {
      if (!canvas.width || !canvas.height) continue;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        const hi = Math.max(data[i], data[i + 1], data[i + 2]);
        const lo = Math.min(data[i], data[i + 1], data[i + 2]);
        if (data[i + 3] > 128 && hi - lo > 60) n++;
      }
    }
    return n;
  });
}

/**
 * The chart with this test id (inside `scope`) has drawn data: rendered, neither empty nor
 * failed, at least `minPoints` series data items, and coloured marks on its canvas.
 */
export async function expectChartDrawn(scope, testid, { minPoints = 1, minPixels = 150 } = {}) {
  const chart = scope.locator(`[data-testid=${testid}][data-rendered=true]`);
  await expect(chart).toBeVisible();
  await expect(chart).not.toHaveAttribute('data-empty', 'true');
  await expect(chart).not.toHaveAttribute('data-error', 'true');
  await expect(chart.getByTestId('chart-empty')).toBeHidden();
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { message: `${testid}: data points` })
    .toBeGreaterThanOrEqual(minPoints);
  await expect.poll(() => colouredPixels(chart), { message: `${testid}: coloured pixels on the canvas` })
    .toBeGreaterThanOrEqual(minPixels);
  return chart;
}
