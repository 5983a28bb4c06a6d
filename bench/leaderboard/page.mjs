// The study page on a big study in headless Chromium: from navigation start until the first
// leaderboard row is painted ("interactive"), how long a click on the Trial column takes to show
// the new order, and when the default chart is drawn. A new browser context (empty cache) per run;
// the first run is also the server's first look at the study (its board is built then).
// Usage: node bench/leaderboard/page.mjs BASE_URL STUDY_ID EXPECTED_FIRST_NUMBER OUT.json [runs=5]
// EXPECTED_FIRST_NUMBER: the trial that heads the Trial column sorted descending (trials - 1).

import { writeFileSync } from 'node:fs';
import { chromium } from '../../web-ui/node_modules/playwright/index.mjs';

const [base, study, expectedArg, outFile, runsArg] = process.argv.slice(2);
if (!base || !study || expectedArg == null || !outFile) {
  console.error('usage: page.mjs BASE_URL STUDY_ID EXPECTED_FIRST_NUMBER OUT.json [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const expected = `#${expectedArg}`;
const TIMEOUT = 60_000;
const log = (...a) => console.error('[page]', ...a);

/**
 * Runs in the page before its own scripts: marks (performance.now(), ms since navigation start)
 * when each awaited state first appears in the DOM and when the frame after it is painted.
 */
function instrument(expectedFirst) {
  const marks = { longTasks: [] };
  window.__lb = marks;
  const painted = (name) => {
    marks[`${name}Dom`] = performance.now();
    requestAnimationFrame(() => setTimeout(() => { marks[name] = performance.now(); }, 0));
  };
  const check = () => {
    if (marks.rowDom == null) {
      const row = document.querySelector('[data-testid=trial-row]');
      if (row) {
        painted('row');
        marks.firstRowText = row.querySelector('[data-testid=trial-number]')?.textContent;
      }
    }
    if (marks.clickAt != null && marks.sortedDom == null) {
      const n = document.querySelector('[data-testid=trial-row] [data-testid=trial-number]');
      if (n && n.textContent === expectedFirst) painted('sorted');
    }
    if (marks.chartDom == null && document.querySelector('[data-testid=chart-history][data-rendered=true]')) painted('chart');
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // The click as the browser received it (event.timeStamp) and when the page's handler could run.
  window.addEventListener('click', (e) => {
    if (marks.clickAt == null && e.target.closest?.('[data-testid=sort-number]')) {
      marks.clickAt = e.timeStamp;
      marks.clickDispatched = performance.now();
    }
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing in this browser
  }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(instrument, expected);
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${base}/#/study/${encodeURIComponent(study)}`, { waitUntil: 'commit', timeout: TIMEOUT });
    await page.locator('[data-testid=trial-row]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.waitForFunction(() => window.__lb.row != null, null, { timeout: TIMEOUT });
    // Input at once, while the charts still load.
    await page.click('[data-testid=sort-number]', { timeout: TIMEOUT });
    await page.waitForFunction(() => window.__lb.sorted != null, null, { timeout: TIMEOUT });
    await page.waitForFunction(() => window.__lb.chart != null, null, { timeout: TIMEOUT });
    const m = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((r) => ({
        name: r.name.replace(location.origin, ''), start: r.startTime, end: r.responseEnd, duration: r.duration, bytes: r.transferSize,
      }));
      return { ...window.__lb, nav: nav && { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd }, res };
    });
    const r = {
      run,
      interactiveMs: m.row,
      rowInDomMs: m.rowDom,
      firstRow: m.firstRowText,
      clickAtMs: m.clickAt,
      clickToUpdateMs: m.sorted - m.clickAt,
      inputDelayMs: m.clickDispatched - m.clickAt,
      chartMs: m.chart,
      domContentLoadedMs: m.nav?.domContentLoaded,
      longestTaskMs: Math.max(0, ...m.longTasks.map(([, d]) => d)),
      longTasks: m.longTasks,
      resources: m.res,
      consoleErrors,
    };
    results.push(r);
    const span = (test) => m.res.filter((x) => test(x.name.split('?')[0])).map((x) => `${Math.round(x.start)}→${Math.round(x.end)}`).join(' ');
    log(`run ${run}: row painted ${r.interactiveMs.toFixed(0)} ms (${r.firstRow}), click→sorted ${r.clickToUpdateMs.toFixed(0)} ms`
      + ` (input delay ${r.inputDelayMs.toFixed(0)}), chart ${r.chartMs.toFixed(0)} ms, longest task ${r.longestTaskMs} ms;`
      + ` requests (start→end ms): study ${span((n) => n.endsWith(`/studies/${study}`))}, trials ${span((n) => n.endsWith('/trials'))},`
      + ` analysis ${span((n) => n.endsWith('/analysis'))}`);
    if (consoleErrors.length) log(`run ${run} console errors:`, consoleErrors.slice(0, 3).join(' | '));
    await context.close();
  }
} finally {
  await browser.close();
}
writeFileSync(outFile, JSON.stringify({ study, runs: results }, null, 2));
