// Prints the markdown tables of bench/leaderboard.sh from the JSON its steps wrote.
// Usage: node bench/leaderboard/report.mjs META.json PAGE.json API.json

import { readFileSync } from 'node:fs';

const [metaFile, pageFile, apiFile] = process.argv.slice(2);
const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
const page = JSON.parse(readFileSync(pageFile, 'utf8'));
const api = JSON.parse(readFileSync(apiFile, 'utf8'));

const INTERACTIVE_TARGET_MS = 2000;
const P99_TARGET_MS = 50;
const n = (x) => Number(x).toLocaleString('en-US');
const ms = (x, digits = 1) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const s = (x) => (x / 1000).toFixed(2);
const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};
const max = (xs) => Math.max(...xs);
const out = [];
const line = (t = '') => out.push(t);

const seeded = meta.seed;
line(`Machine: ${meta.nproc} cores (${meta.cpu}), ${meta.memGiB} GiB; ${meta.date}; load average (1 / 5 / 15 min) at start`
  + ` ${meta.load.start}, before the page runs ${meta.load.page}, before the API runs ${meta.load.api}, at the end ${meta.load.end}.`);
line(`Seeded: ${n(seeded.trials)} trials in each of two studies (one for the page, one for the API), `
  + `${Object.entries(seeded.statuses).map(([k, v]) => `${n(v)} ${k.toLowerCase()}`).join(', ')}; `
  + `${n(seeded.metricRows)} epoch rows per study; ${seeded.seconds} s with psql. App ready in ${meta.readySeconds} s.`);
line();

// --- Targets ----------------------------------------------------------------------------------------
const runs = page.runs;
const interactive = runs.map((r) => r.interactiveMs);
const warm = runs.slice(1).map((r) => r.interactiveMs);
const all = api.scenarios.all;
const worstScenario = Object.values(api.scenarios).reduce((a, b) => (b.p99 > a.p99 ? b : a));
const pageMet = median(interactive) < INTERACTIVE_TARGET_MS;
const apiMet = worstScenario.p99 < P99_TARGET_MS;
line('| target | measured | met |');
line('|---|---|---|');
line(`| study page interactive (first leaderboard row painted) < 2 s | median ${s(median(interactive))} s of ${runs.length} runs;`
  + ` run 1 (server's first look at the study) ${s(interactive[0])} s; runs 2–${runs.length} max ${warm.length ? s(max(warm)) : '—'} s`
  + ` | ${pageMet ? 'yes' : 'no'}${pageMet && interactive[0] >= INTERACTIVE_TARGET_MS ? ' (not on run 1)' : ''} |`);
line(`| leaderboard API p99 < 50 ms, any page | ${n(all.requests)} requests: p99 ${ms(all.p99)} ms overall, worst scenario`
  + ` p99 ${ms(worstScenario.p99)} ms; with the ${api.cold.length + api.filterCold.length} first requests of each key and filter also`
  + ` counted, p99 ${ms(api.withCold.p99)} ms | ${apiMet ? 'yes' : 'no'} |`);
line();

// --- Scheduler and memory at this size ----------------------------------------------------------------
if (meta.scheduler) {
  const sc = meta.scheduler;
  line(`The scheduler at this size: the last 10 trials of a ${n(seeded.trials)}-trial study (random search, 2 at a time, `
    + `5 epochs of Iris each) against a fresh 10-trial study of the same spec; wall time until the study is COMPLETED, `
    + 'and the CPU time the whole process (API, scheduler, workers, embedded Kafka; PostgreSQL is its own process) used meanwhile:');
  line();
  line('| study | wall s | process CPU s |');
  line('|---|---|---|');
  line(`| last 10 trials of ${n(seeded.trials)} | ${sc.last10Seconds} | ${sc.last10CpuSeconds} |`);
  line(`| fresh, 10 trials | ${sc.fresh10Seconds} | ${sc.fresh10CpuSeconds} |`);
  line();
}
if (meta.memory) {
  line(`Memory after all runs (two leaderboards of ${n(seeded.trials)} trials loaded, default JVM heap settings): `
    + `RSS ${n(meta.memory.rssMB)} MB, peak ${n(meta.memory.peakRssMB)} MB${meta.memory.heap ? `; heap: ${meta.memory.heap}` : ''}.`);
  line();
}

// --- API ----------------------------------------------------------------------------------------------
line(`Leaderboard API, \`GET /api/v1/studies/{id}/trials?page=P&size=${api.pageSize}&sort=S&order=O[&status=..]\`, `
  + `${n(api.trials)} trials (${n(api.pages)} pages), sequential over one keep-alive connection, after ${api.warmupRequests} warm-up requests:`);
line();
line('| scenario | requests | p50 ms | p95 ms | p99 ms | max ms |');
line('|---|---|---|---|---|---|');
for (const sc of Object.values(api.scenarios)) {
  line(`| ${sc.label} | ${n(sc.requests)} | ${ms(sc.p50)} | ${ms(sc.p95)} | ${ms(sc.p99)} | ${ms(sc.max)} |`);
}
const wc = api.withCold;
line(`| ${wc.label} (not warmed) | ${n(wc.requests)} | ${ms(wc.p50)} | ${ms(wc.p95)} | ${ms(wc.p99)} | ${ms(wc.max)} |`);
line();
line('First request per sort key (the server sorts the study for a key on its first use; not in the table above):');
line();
line('| sort key | asc ms | desc ms |');
line('|---|---|---|');
const keys = [...new Set(api.cold.map((c) => c.sort))];
for (const k of keys) {
  const c = (o) => api.cold.find((x) => x.sort === k && x.order === o);
  const a = c('asc');
  line(`| ${k} | ${ms(a.ms)}${a.note ? ` (${a.note}: first request of all)` : ''} | ${ms(c('desc').ms)} |`);
}
line();
line(`First request with each status filter: ${api.filterCold.map((f) => `${f.status} (${n(f.total)} trials) ${ms(f.ms)} ms`).join(', ')}.`);
line();
line('The slowest combinations (p99), from the measured requests:');
line();
line('| sort, order [status filter] | requests | p50 ms | p99 ms | max ms |');
line('|---|---|---|---|---|');
for (const x of api.slowest.slice(0, 5)) line(`| ${x.key} | ${x.requests} | ${ms(x.p50)} | ${ms(x.p99)} | ${ms(x.max)} |`);
line();
line('The other requests of the study page (sequential; "first" is the first request for this study after the leaderboard runs):');
line();
line('| request | first ms | then requests | p50 ms | max ms | bytes |');
line('|---|---|---|---|---|---|');
for (const o of api.others) line(`| ${o.name} | ${ms(o.first)} | ${o.requests} | ${ms(o.p50)} | ${ms(o.max)} | ${n(o.bytes)} |`);
line();

// --- Page -----------------------------------------------------------------------------------------------
line(`Study page, headless Chromium ${meta.chromium}, 1400×900, a new browser context (empty cache) per run, ms from navigation start:`);
line();
const rows = [
  ['first leaderboard row painted ("interactive")', (r) => r.interactiveMs],
  ['click on the Trial header → first row shows the new order', (r) => r.clickToUpdateMs],
  ['default chart (optimization history) drawn', (r) => r.chartMs],
  ['study summary request done', (r) => end(r, (x) => x.endsWith(`/studies/${page.study}`))],
  ['first leaderboard page request done', (r) => end(r, (x) => x.endsWith('/trials'))],
  ['analysis request (chart data) done', (r) => end(r, (x) => x.endsWith('/analysis'))],
  ['longest main-thread task', (r) => r.longestTaskMs],
];
function end(r, test) {
  const hit = r.resources.find((x) => test(x.name.split('?')[0]));
  return hit ? hit.end : NaN;
}
line(`| measure | ${runs.map((r) => `run ${r.run}`).join(' | ')} | median | max |`);
line(`|---|${runs.map(() => '---').join('|')}|---|---|`);
for (const [label, f] of rows) {
  const v = runs.map(f);
  line(`| ${label} | ${v.map((x) => ms(x, 0)).join(' | ')} | ${ms(median(v), 0)} | ${ms(max(v), 0)} |`);
}
line();
line('Run 1 is the server\'s first request for that study: it reads all its trials into the in-memory leaderboard.');
if (api.errorCount) line(`\n**${api.errorCount} wrong API answers**, e.g. ${api.errors.slice(0, 3).join('; ')}`);
const consoleErrors = runs.flatMap((r) => r.consoleErrors);
if (consoleErrors.length) line(`\nBrowser console errors: ${consoleErrors.slice(0, 3).join(' | ')}`);
if (meta.diagnostics?.length) {
  line();
  line('Database side (EXPLAIN ANALYZE on the seeded data, after the runs and a second VACUUM):');
  line();
  line('| statement | result |');
  line('|---|---|');
  for (const d of meta.diagnostics) line(`| ${d.label} | ${d.value} |`);
}
console.log(out.join('\n'));
