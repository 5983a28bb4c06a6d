// A user's story in the browser: upload a dataset and submit a study through the form, watch its
// trials arrive without reloading, open a trial's learning curve, look at the charts, download the
// best model, see the server's validation error at its line, and come back after losing the
// connection. Screenshots of each page go to target/e2e/screenshots.

import { expect, expectChartDrawn, expectErrors, signIn, signedInPage, test, watchErrors } from './fixtures.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cuttableProxy } from './cuttableProxy.js';

const IRIS_CSV = fileURLToPath(new URL('../../api/src/main/resources/datasets/iris.csv', import.meta.url));
const SHOTS = fileURLToPath(new URL('../target/e2e/screenshots/', import.meta.url));
const shot = (page, name) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

/** Replaces the editor's text, as typing or pasting would. */
async function setEditorText(page, text) {
  await page.evaluate((t) => {
    const view = window.__tunelabEditor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
  }, text);
}

const editorText = (page) => page.evaluate(() => window.__tunelabEditor.state.doc.toString());

test.describe.serial('a study from the browser', () => {
  /** @type {import('@playwright/test').Page} */
  let page;
  let studyId;

  test.beforeAll(async ({ browser }) => {
    page = await signedInPage(browser);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('upload a dataset with progress and submit a study through the form', async () => {
    await page.goto('/#/new');
    await expect(page.getByTestId('study-editor')).toBeVisible();
    await page.getByTestId('template-select').selectOption('iris-bayesian-asha');

    await page.getByTestId('dataset-file-input').setInputFiles(IRIS_CSV);
    await page.getByTestId('dataset-name-input').fill('Iris uploaded in the browser');
    await page.getByTestId('dataset-label-input').fill('species');
    await page.getByTestId('dataset-upload-button').click();
    await expect(page.getByTestId('upload-status')).toContainText('Uploaded Iris uploaded in the browser (150 rows)');
    await expect(page.getByTestId('upload-progress')).toHaveJSProperty('value', 100);
    const datasetId = await page.getByTestId('dataset-select').inputValue();
    expect(datasetId).not.toBe('iris');
    expect(JSON.parse(await editorText(page)).dataset).toBe(datasetId);

    // A short study without a pruner, so that every trial completes and importance can be computed.
    const study = JSON.parse(await editorText(page));
    study.name = 'Iris from the browser';
    delete study.pruner;
    study.budget = { maxTrials: 8, parallelTrials: 2, epochs: 12 };
    await setEditorText(page, JSON.stringify(study, null, 2));
    await shot(page, 'new-study');

    // The page must never reload from here on: a marker on window would be lost if it did.
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.getByTestId('submit-study').click();
    await expect(page).toHaveURL(/#\/study\/[0-9a-f-]{36}$/);
    studyId = page.url().split('/').pop();
  });

  test('trials appear live without reloading', async () => {
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
    await expect(page.getByTestId('trial-row').first()).toBeVisible();
    const seen = new Set();
    // Rows and the progress text change as the server pushes changes; nothing here reloads.
    await expect.poll(async () => {
      seen.add(await page.getByTestId('study-progress').first().textContent());
      return page.getByTestId('detail-name').locator('[data-testid=status-badge]').textContent();
    }, { timeout: 180_000, intervals: [250] }).toBe('COMPLETED');
    expect(seen.size, `progress texts seen: ${[...seen].join(' | ')}`).toBeGreaterThan(1);
    await expect(page.getByTestId('trial-row')).toHaveCount(8);
    await expect(page.getByTestId('study-progress').first()).toContainText('8 / 8 done');
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    await expect(page.getByTestId('trial-rank').first()).toHaveText('1');
    // The chart follows too: it ends up with every trial without a reload.
    await expectChartDrawn(page, 'chart-history', { minPoints: 8 });
    await expect(page.getByTestId('chart-caption').first()).toContainText('8 trials');
    await shot(page, 'study');
  });

  test('the leaderboard sorts by any column', async () => {
    await page.getByTestId('sort-number').click();
    await expect(page.getByTestId('trial-number').first()).toHaveText('#7');
    await page.getByTestId('sort-number').click();
    await expect(page.getByTestId('trial-number').first()).toHaveText('#0');
    await page.getByTestId('sort-param:units').click();
    await expect.poll(async () => {
      const units = (await page.locator('td[data-param=units]').allTextContents()).map(Number);
      return units.every((u, i) => i === 0 || units[i - 1] <= u);
    }).toBe(true);
    await page.getByTestId('sort-rank').click();
    await expect(page.getByTestId('trial-rank').first()).toHaveText('1');
  });

  test("a trial's learning curves and model card", async () => {
    await page.getByTestId('trial-row').first().click();
    await expect(page).toHaveURL(/\/trial\/\d+$/);
    const panel = page.getByTestId('trial-panel');
    // 12 epochs of at least one metric.
    await expectChartDrawn(panel, 'chart-trial-curve', { minPoints: 12 });
    await expect(panel.getByTestId('model-card')).toContainText('classification');
    await expect(panel.getByTestId('trial-params-table')).toContainText('units');
    await shot(page, 'trial');
    await panel.getByTestId('trial-close').click();
    await expect(panel).toHaveCount(0);
  });

  test('every chart draws', async () => {
    // 8 trials: a curve, a line or a point each; importance has a bar per parameter (4 here).
    for (const [tab, chart, minPoints] of [['curves', 'chart-intermediate', 8], ['parallel', 'chart-parallel', 8],
      ['importance', 'chart-importance', 4], ['slices', 'chart-slice', 4 * 8], ['history', 'chart-history', 8]]) {
      await page.getByTestId(`tab-${tab}`).click();
      await expectChartDrawn(page, chart, { minPoints });
      await shot(page, `chart-${tab}`);
    }
    // Every slice panel has its points, not only the grid as a whole.
    for (const cell of await page.getByTestId('chart-slice-cell').all()) {
      expect(Number(await cell.getAttribute('data-points')), await cell.getAttribute('data-param')).toBeGreaterThanOrEqual(8);
    }
    await page.getByTestId('tab-importance').click();
    await expect(page.getByTestId('chart-caption').first()).toContainText('fANOVA');
  });

  test('download the best model', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('best-model-link').click()]);
    const file = `${SHOTS}../best-model.zip`;
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/^tunelab-.*-trial-\d+\.zip$/);
  });

  test('the studies page lists it, filters and sorts', async () => {
    await page.getByTestId('back-to-studies').click();
    const row = page.locator(`[data-testid=study-row][data-study-id="${studyId}"]`);
    await expect(row).toContainText('COMPLETED');
    await expect(row).toContainText('8 / 8 done');
    await page.getByTestId('studies-filter').fill('no study is called this');
    await expect(page.getByTestId('studies-none-match')).toBeVisible();
    await page.getByTestId('studies-filter').fill('from the browser');
    await expect(row).toBeVisible();
    await shot(page, 'studies');
  });

  test('a lost connection reconnects and catches up', async ({ browser, request, baseURL }) => {
    const proxy = await cuttableProxy(baseURL);
    const viewer = await browser.newPage();
    watchErrors(viewer);
    // The cut breaks the event stream (and its retries while cut); nothing else may fail.
    expectErrors(/^console\.error: Failed to load resource: net::ERR_[A-Z_]+ \(http:\/\/[^/]+\/api\/v1\/events(\?[^)]*)?\)$/);
    try {
      await signIn(viewer, { origin: proxy.url });
      await viewer.goto(`${proxy.url}/#/`);
      await expect(viewer.getByTestId('study-row').first()).toBeVisible();
      await expect(viewer.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
      await viewer.evaluate(() => { window.__sameDocument = true; });
      proxy.cut();
      await expect(viewer.getByTestId('live-status')).toHaveAttribute('data-status', 'reconnecting');
      // Meanwhile someone else starts a study; the page hears of it once it is back.
      const other = await (await request.get(`/api/v1/studies/${studyId}`)).json();
      const name = `Submitted while the page was cut off ${Date.now()}`;
      const res = await request.post('/api/v1/studies', {
        data: { name, dataset: 'iris', objective: other.objective,
          algorithm: { name: 'random', seed: 3 }, budget: { maxTrials: 2, parallelTrials: 1, epochs: 3 },
          space: other.space, template: other.template },
      });
      expect(res.status()).toBe(201);
      await viewer.waitForTimeout(1500);
      await expect(viewer.getByTestId('study-row').filter({ hasText: name })).toHaveCount(0);
      proxy.restore();
      await expect(viewer.getByTestId('live-status')).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
      await expect(viewer.getByTestId('study-row').filter({ hasText: name })).toBeVisible();
      expect(await viewer.evaluate(() => window.__sameDocument)).toBe(true);
    } finally {
      await viewer.close();
      await proxy.close();
    }
  });
});

test('a bad template shows the server\'s message at its line', async ({ page }) => {
  await page.goto('/#/new');
  await expect(page.getByTestId('study-editor')).toBeVisible();
  const lines = [
    '{',
    '  "name": "bad template",',
    '  "dataset": "iris",',
    '  "objective": { "metric": "val_accuracy", "direction": "maximize" },',
    '  "algorithm": { "name": "random", "seed": 1 },',
    '  "budget": { "maxTrials": 2, "epochs": 2 },',
    '  "space": { "lr": { "type": "float", "min": 0.001, "max": 0.1, "log": true } },',
    '  "template": {',
    '    "layers": [',
    '      { "type": "Dense", "units": 16, "activation": "relu" },',
    '      { "type": "Dense", "units": 0 }',
    '    ],',
    '    "optimizer": "adam",',
    '    "learning_rate": { "param": "lr" }',
    '  }',
    '}',
  ];
  await setEditorText(page, lines.join('\n'));
  // The browser logs the refused request itself.
  expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 422 .*\/api\/v1\/studies\?project=default\)$/);
  await page.getByTestId('submit-study').click();
  const error = page.getByTestId('validation-error').first();
  await expect(error).toHaveAttribute('data-path', '$.template.layers[1].units');
  await expect(error).toHaveAttribute('data-line', '11');
  await expect(error).toContainText('line 11');
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page).toHaveURL(/#\/new$/);
  await shot(page, 'bad-template');
});
