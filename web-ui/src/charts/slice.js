// Slice plots: for each parameter a small scatter of the objective against the parameter's
// value, in a responsive grid. Points are coloured by trial number (light = early, dark = late);
// the shades are bands of trial numbers drawn as separate large-mode series, because large mode
// (what keeps 5,000 points per panel fast) draws a series in one colour.

import {
  C, LARGE, arrow, catKey, axisCommon, baseOption, esc, fmtCount, fmtNum, fmtTick, hash01, isNum,
  chartRoot, isMinimize, cutAxis, outlierCut, outlierNote, mountEChart, node, emitTrialClick, sampleNote, seriesPoints,
  tooltipBase,
} from './core.js';
import { INACTIVE } from './parallel.js';

const UNFINISHED = new Set(['RUNNING', 'PENDING', 'QUEUED']);
export const TRIAL_RAMP = ['#c7d2fe', '#a5b4fc', '#818cf8', '#6366f1', '#4f46e5', '#4338ca', '#3730a3', '#312e81', '#1e1b4b'];
const numeric = (p) => p.type === 'int' || p.type === 'float' || p.type === 'number';

function prepare(analysis) {
  const t = analysis?.trials || {};
  const numbers = t.number || [];
  const objective = t.objective || [];
  const status = t.status || [];
  const rows = [];
  for (let i = 0; i < numbers.length; i++) {
    if (isNum(objective[i]) && !UNFINISHED.has(status[i])) rows.push(i);
  }
  let first = Infinity;
  let last = -Infinity;
  for (const i of rows) { first = Math.min(first, numbers[i]); last = Math.max(last, numbers[i]); }
  const bands = TRIAL_RAMP.length;
  const band = (n) => (last > first ? Math.min(bands - 1, Math.floor(((n - first) / (last - first)) * bands)) : bands - 1);
  const minimize = isMinimize(analysis?.direction);
  const cut = outlierCut(rows.map((i) => objective[i]), minimize);
  return { t, numbers, objective, status, rows, first, last, band, cut, minimize };
}

function cellOption(analysis, p, prep) {
  const { numbers, objective, rows, band, cut, minimize } = prep;
  const col = analysis.trials.params?.[p.name] || [];
  const metric = analysis.metric || 'objective';
  const isChoice = !numeric(p);
  let cats = null;
  if (isChoice) {
    cats = [...new Set((p.values || []).map(catKey))];
    for (const i of rows) {
      const v = col[i];
      if (v != null && !cats.includes(catKey(v))) cats.push(catKey(v));
    }
    if (rows.some((i) => col[i] == null)) cats.push(INACTIVE);
  }
  const perBand = TRIAL_RAMP.map(() => []);
  let omitted = 0;
  let count = 0;
  for (const i of rows) {
    const raw = col[i];
    let x;
    let k = -1;
    if (isChoice) {
      k = cats.indexOf(raw == null ? INACTIVE : catKey(raw));
      // Deterministic jitter inside the category's band, so points do not pile onto one line.
      x = k + (hash01(numbers[i]) - 0.5) * 0.5;
    } else if (isNum(raw) && (!p.log || raw > 0)) {
      x = raw;
    } else {
      omitted++;
      continue;
    }
    perBand[band(numbers[i])].push([x, objective[i], numbers[i], isChoice ? k : raw]);
    count++;
  }
  const large = rows.length > LARGE;
  const size = rows.length > 2000 ? 4 : rows.length > 300 ? 5 : 7;
  const xAxis = isChoice
    ? {
      // A value axis with one label per category, so the jitter can spread points across the band.
      type: 'value', min: -0.5, max: cats.length - 0.5,
      axisLabel: {
        ...axisCommon().axisLabel,
        customValues: cats.map((_, k) => k),
        formatter: (v) => {
          const c = cats[Math.round(v)] ?? '';
          return c.length > 12 ? `${c.slice(0, 11)}…` : c;
        },
      },
      axisTick: { show: false },
      splitLine: { show: false },
    }
    : {
      type: p.log ? 'log' : 'value',
      scale: true,
      ...(isNum(p.min) && (!p.log || p.min > 0) ? { min: p.min } : {}),
      ...(isNum(p.max) ? { max: p.max } : {}),
      ...(p.type === 'int' ? { minInterval: 1 } : {}),
      axisLabel: { ...axisCommon().axisLabel, formatter: fmtTick, hideOverlap: true },
      splitLine: { show: false },
    };
  return {
    omitted,
    count,
    option: {
      ...baseOption(),
      grid: { left: 6, right: 14, top: 10, bottom: 6, outerBoundsMode: 'same' },
      title: {
        show: count === 0,
        text: 'Inactive in every finished trial',
        left: 'center',
        top: 'middle',
        textStyle: { color: C.muted, fontSize: 12, fontWeight: 'normal' },
      },
      tooltip: {
        ...tooltipBase(),
        trigger: 'item',
        formatter: (q) => {
          const [, y, n, v] = q.value;
          const shown = isChoice ? cats[v] : fmtNum(v);
          return `<b>Trial #${esc(n)}</b><br>${esc(p.name)} ${esc(shown === INACTIVE ? 'inactive' : shown)}<br>${esc(metric)} <b>${esc(fmtNum(y))}</b>`;
        },
      },
      xAxis: { ...axisCommon(), ...xAxis, axisLabel: { ...xAxis.axisLabel } },
      yAxis: {
        ...axisCommon(),
        type: 'value',
        scale: true,
        splitNumber: 4,
        axisLine: { show: true, onZero: false, lineStyle: { color: '#9ca3af' } },
        axisLabel: { ...axisCommon().axisLabel, formatter: fmtTick },
        ...cutAxis(cut, minimize),
      },
      series: perBand.map((data, k) => ({
        type: 'scatter',
        name: `band ${k}`,
        data,
        symbolSize: size,
        itemStyle: { color: TRIAL_RAMP[k], opacity: large ? 0.7 : 0.85 },
        emphasis: { scale: 1.6, itemStyle: { opacity: 1, borderColor: '#fff', borderWidth: 1 } },
        large,
        // The shades split the points, so large mode is decided by the panel's total, not the band's.
        largeThreshold: large ? 1 : LARGE,
        progressive: 4000,
        progressiveThreshold: 8000,
      })),
    },
  };
}

export function sliceCharts(el, analysis) {
  const root = chartRoot(el, 'chart-slice', 'slice');
  const caption = node('div', 'tl-chart-caption');
  caption.setAttribute('data-testid', 'chart-caption');
  const grid = node('div', 'tl-slice-grid');
  const empty = node('p', 'tl-chart-empty muted');
  empty.setAttribute('data-testid', 'chart-empty');
  root.append(caption, grid, empty);

  const cells = new Map(); // param name -> { root, title, note, host, mounted, done }
  let pending = new Set();
  let points = 0;
  const rendered = () => {
    root.setAttribute('data-points', String(points));
    root.setAttribute('data-rendered', 'true');
  };

  function cellFor(name) {
    let c = cells.get(name);
    if (c) return c;
    const root = node('figure', 'tl-slice-cell');
    root.setAttribute('data-param', name);
    root.setAttribute('data-testid', 'chart-slice-cell');
    const title = node('figcaption', 'tl-slice-title');
    const label = node('span', 'tl-slice-name', name);
    const note = node('span', 'tl-slice-note muted');
    title.append(label, note);
    const host = node('div', 'tl-slice-canvas');
    root.append(title, host);
    c = { root, note, host, mounted: null };
    cells.set(name, c);
    return c;
  }

  function ensure(name, c) {
    if (c.mounted) return c.mounted.chart;
    c.mounted = mountEChart(c.host, {
      onFinished: () => {
        pending.delete(name);
        if (!pending.size) rendered();
      },
    });
    c.mounted.chart.on('click', (q) => emitTrialClick(el, q.value?.[2]));
    return c.mounted.chart;
  }

  function render(a) {
    const prep = prepare(a);
    const params = a?.params || [];
    if (!prep.rows.length || !params.length) {
      for (const c of cells.values()) c.mounted?.dispose();
      cells.clear();
      grid.replaceChildren();
      grid.hidden = true;
      caption.hidden = true;
      empty.hidden = false;
      empty.textContent = 'No finished trials yet';
      root.setAttribute('data-empty', 'true');
      points = 0;
      rendered();
      return;
    }
    root.removeAttribute('data-empty');
    empty.hidden = true;
    grid.hidden = false;
    caption.hidden = false;

    const metric = a.metric || 'objective';
    const key = node('span', 'tl-ramp-key');
    const ramp = node('span', 'tl-ramp');
    ramp.style.background = `linear-gradient(90deg, ${TRIAL_RAMP.join(', ')})`;
    key.append(`colour = trial #${fmtCount(prep.first)} `, ramp, ` #${fmtCount(prep.last)}`);
    const parts = [
      `${metric} ${arrow(a.direction)} against each parameter, ${fmtCount(prep.rows.length)} finished trials`,
      key,
      sampleNote(a),
      outlierNote(prep.cut, prep.minimize),
    ].filter(Boolean);
    caption.replaceChildren(...parts.flatMap((p, i) => (i ? [node('span', 'sep', ' · '), p] : [p]))
      .map((p) => (p instanceof Node ? p : node('span', null, String(p)))));

    const names = params.map((p) => p.name);
    for (const [name, c] of cells) {
      if (!names.includes(name)) { c.mounted?.dispose(); c.root.remove(); cells.delete(name); }
    }
    pending = new Set(names);
    points = 0;
    const order = [];
    for (const p of params) {
      const c = cellFor(p.name);
      order.push(c.root);
      const { option, omitted } = cellOption(a, p, prep);
      c.note.textContent = [p.log ? 'log' : null, omitted ? `${fmtCount(omitted)} inactive not shown` : null].filter(Boolean).join(' · ');
      if (!c.root.isConnected) grid.append(c.root);
      const cellPoints = seriesPoints(option);
      c.root.setAttribute('data-points', String(cellPoints));
      points += cellPoints;
      const chart = ensure(p.name, c);
      chart.setOption(option, { replaceMerge: ['series', 'xAxis'] });
    }
    grid.replaceChildren(...order);
  }

  render(analysis);
  return {
    update(a) { render(a); },
    dispose() {
      for (const c of cells.values()) c.mounted?.dispose();
      cells.clear();
      root.remove();
    },
  };
}
