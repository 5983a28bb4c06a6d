// Leaderboard API latency on a big study: sequential GETs over one keep-alive connection, timed
// from the request to the last byte of the answer (the JSON is parsed and checked afterwards).
// Usage: node bench/leaderboard/api.mjs BASE_URL STUDY_ID OUT.json [seed=1]
// Prints one line per phase to stderr; writes every number to OUT.json for report.mjs.

import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [base, study, outFile, seedArg] = process.argv.slice(2);
if (!base || !study || !outFile) {
  console.error('usage: api.mjs BASE_URL STUDY_ID OUT.json [seed]');
  process.exit(2);
}
const SIZE = 50;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

// mulberry32: the same pages every run for a given seed.
let state = Number(seedArg ?? 1) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const randInt = (n) => Math.floor(random() * n);
const shuffle = (a) => {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

/** One GET; ms covers sending the request until the last byte arrived. */
function get(path) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(base + path, { agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        resolve({ status: res.statusCode, ms, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const errors = [];
async function getJson(path) {
  const r = await get(path);
  let json = null;
  try {
    json = JSON.parse(r.body.toString('utf8'));
  } catch {
    // reported below
  }
  if (r.status !== 200 || json == null) errors.push(`${path}: HTTP ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
  return { ms: r.ms, bytes: r.body.length, json };
}

const trialsPath = ({ page, sort, order, status }) => {
  const q = new URLSearchParams({ page: String(page), size: String(SIZE) });
  if (sort) q.set('sort', sort);
  if (order) q.set('order', order);
  if (status) q.set('status', status);
  return `/api/v1/studies/${study}/trials?${q}`;
};

/** A leaderboard request, checked: a full page (but on the last), a total that fits, the order asked for. */
async function trials(req, expectTotal) {
  const r = await getJson(trialsPath(req));
  const body = r.json;
  if (body) {
    const total = body.total;
    const expectItems = Math.max(0, Math.min(SIZE, total - req.page * SIZE));
    if (expectTotal != null && total !== expectTotal) errors.push(`${trialsPath(req)}: total ${total}, expected ${expectTotal}`);
    if (body.items.length !== expectItems) errors.push(`${trialsPath(req)}: ${body.items.length} items, expected ${expectItems}`);
    if (req.status) {
      const allowed = new Set(req.status.split(','));
      if (body.items.some((t) => !allowed.has(t.status))) errors.push(`${trialsPath(req)}: a trial outside the filter`);
    }
    if (req.sort === 'number' && !req.status && body.items.length) {
      const first = req.order === 'desc' ? total - 1 - req.page * SIZE : req.page * SIZE;
      if (body.items[0].number !== first) errors.push(`${trialsPath(req)}: first trial #${body.items[0].number}, expected #${first}`);
    }
  }
  return { ms: r.ms, total: body?.total ?? 0 };
}

const pct = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    requests: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1], mean: sum / s.length,
  };
}
const f1 = (x) => x.toFixed(1);
const log = (...a) => console.error('[api]', ...a);

// --- The study, its size and its parameters -----------------------------------------------------
const summary = await getJson(`/api/v1/studies/${study}`);
if (!summary.json) throw new Error(`cannot read study ${study}: ${errors.join('; ')}`);
const params = Object.keys(summary.json.space || {});
const keys = ['rank', 'number', 'status', 'objective', 'epochs', 'duration', 'worker', 'paramCount', ...params.map((p) => `param:${p}`)];
const orders = ['asc', 'desc'];

// --- Cold: the first request builds the board (reads every trial), each new key its order -------
const boardLoad = await trials({ page: 0 });
const total = boardLoad.total;
const pages = Math.ceil(total / SIZE);
log(`board load (first request): ${f1(boardLoad.ms)} ms, ${total} trials, ${pages} pages`);
const cold = [];
for (const sort of keys) {
  for (const order of orders) {
    if (sort === 'rank' && order === 'asc') {
      cold.push({ sort, order, ms: boardLoad.ms, note: 'built with the board' });
      continue;
    }
    const r = await trials({ page: randInt(pages), sort, order }, total);
    cold.push({ sort, order, ms: r.ms });
  }
}
log('cold per key:', cold.map((c) => `${c.sort} ${c.order} ${f1(c.ms)}`).join(', '));

// --- Status filters: totals per filter (also their first, cold, request) -------------------------
const filters = ['COMPLETED', 'PRUNED,FAILED', 'SKIPPED', 'COMPLETED,PRUNED'];
const filterSorts = [['rank', 'asc'], ['objective', 'desc'], ['number', 'desc'], ['duration', 'desc'], [`param:${params[params.length > 3 ? 3 : 0]}`, 'asc']];
const filterTotals = {};
const filterCold = [];
for (const status of filters) {
  const r = await trials({ page: 0, status });
  filterTotals[status] = r.total;
  filterCold.push({ status, ms: r.ms, total: r.total });
}
log('filter totals:', JSON.stringify(filterTotals));

// --- The measured requests ------------------------------------------------------------------------
const randomPages = (n, count) => [0, n - 1, ...Array.from({ length: count - 2 }, () => randInt(n))];
const scenarioA = randomPages(pages, 600).map((page) => ({ scenario: 'a', req: { page }, total }));
const scenarioB = [];
for (const sort of keys) for (const order of orders) {
  for (const page of randomPages(pages, 40)) scenarioB.push({ scenario: 'b', req: { page, sort, order }, total });
}
const scenarioC = [];
for (const status of filters) for (const [sort, order] of filterSorts) {
  const n = Math.max(1, Math.ceil(filterTotals[status] / SIZE));
  for (const page of randomPages(n, 20)) scenarioC.push({ scenario: 'c', req: { page, sort, order, status }, total: filterTotals[status] });
}
const measured = shuffle([...scenarioA, ...scenarioB, ...scenarioC]);

// Warm-up: the JIT compiles the request path; not counted.
const warmup = shuffle([...measured]).slice(0, 300);
const tw = performance.now();
for (const w of warmup) await trials(w.req, w.total);
log(`warm-up: ${warmup.length} requests in ${f1((performance.now() - tw) / 1000)} s`);

const times = { a: [], b: [], c: [] };
const byKey = {};
const tm = performance.now();
for (const m of measured) {
  const r = await trials(m.req, m.total);
  times[m.scenario].push(r.ms);
  const k = `${m.req.sort ?? 'rank'} ${m.req.order ?? 'asc'}${m.req.status ? ` [${m.req.status}]` : ''}`;
  (byKey[k] ||= []).push(r.ms);
}
const measuredSeconds = (performance.now() - tm) / 1000;
log(`measured: ${measured.length} requests in ${f1(measuredSeconds)} s`);

// --- The other requests of the study page: summary first, then the charts' data ------------------
async function repeat(path, n) {
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = await getJson(path);
    ms.push(r.ms);
    bytes = r.bytes;
  }
  return { path, first: ms[0], ...stats(ms.slice(1)), bytes, all: ms };
}
const others = [
  { name: 'GET /studies/{id} (summary, counts, best)', ...(await repeat(`/api/v1/studies/${study}`, 21)) },
  { name: 'GET /studies/{id}/analysis (chart columns, importance)', ...(await repeat(`/api/v1/studies/${study}/analysis`, 11)) },
  { name: 'GET /studies/{id}/curves (learning curves, 200 trials)', ...(await repeat(`/api/v1/studies/${study}/curves`, 11)) },
];
for (const o of others) log(`${o.name}: first ${f1(o.first)} ms, then p50 ${f1(o.p50)} max ${f1(o.max)} ms, ${o.bytes} bytes`);

// Slowest measured combinations, to show where time goes when a target is missed.
const slowest = Object.entries(byKey).map(([k, ms]) => ({ key: k, ...stats(ms) }))
  .sort((x, y) => y.p99 - x.p99).slice(0, 8);

const all = [...times.a, ...times.b, ...times.c];
const result = {
  study, trials: total, pages, pageSize: SIZE, keys, filters, filterTotals,
  boardLoadMs: boardLoad.ms, cold, filterCold,
  scenarios: {
    a: { label: '(a) default ranking, random pages of all', ...stats(times.a) },
    b: { label: `(b) ${keys.length} sort keys × asc/desc, random pages incl. first and last`, ...stats(times.b) },
    c: { label: `(c) status filters (${filters.join('; ')}) × ${filterSorts.length} sorts`, ...stats(times.c) },
    all: { label: 'all measured requests', ...stats(all) },
  },
  // The same with the first request of each sort key and filter, board build included.
  withCold: { label: 'measured + the first request of each key and filter', ...stats([...all, ...cold.slice(1).map((c) => c.ms), boardLoad.ms, ...filterCold.map((c) => c.ms)]) },
  measuredSeconds, warmupRequests: warmup.length, slowest, others, errors: errors.slice(0, 50), errorCount: errors.length,
};
writeFileSync(outFile, JSON.stringify(result, null, 2));
for (const s of [...Object.values(result.scenarios), result.withCold]) {
  log(`${s.label}: n=${s.requests} p50 ${f1(s.p50)} p95 ${f1(s.p95)} p99 ${f1(s.p99)} max ${f1(s.max)} ms`);
}
if (errors.length) {
  log(`${errors.length} wrong answers, e.g.:`, errors.slice(0, 5).join('\n'));
  process.exit(1);
}
agent.destroy();
