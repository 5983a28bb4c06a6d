// Shared plumbing for the chart builders: the tree-shaken ECharts build, status colours,
// the container frame (caption, canvas, empty text) and the resize / data-rendered wiring.

import * as echarts from 'echarts/core';
import { LineChart, ScatterChart, ParallelChart, BarChart } from 'echarts/charts';
// Only the component variants the charts use: inside zoom (no slider), the scrolling legend,
// the continuous visual map.
import {
  GridComponent, TooltipComponent, LegendScrollComponent, DataZoomInsideComponent, VisualMapContinuousComponent,
  TitleComponent, ParallelComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, ScatterChart, ParallelChart, BarChart,
  GridComponent, TooltipComponent, LegendScrollComponent, DataZoomInsideComponent, VisualMapContinuousComponent,
  TitleComponent, ParallelComponent, CanvasRenderer,
]);

export { echarts };

// Canvas cannot read CSS variables, so the palette of style.css is repeated here.
export const C = {
  text: '#1d2330',
  muted: '#6b7280',
  border: '#dde1e6',
  grid: '#eef0f3',
  best: '#111827',
};

export const STATUS_COLORS = {
  COMPLETED: '#2563eb',
  PRUNED: '#f97316',
  FAILED: '#dc2626',
  RUNNING: '#16a34a',
};
export const OTHER_COLOR = '#9ca3af';
export const statusColor = (s) => STATUS_COLORS[s] || OTHER_COLOR;
const STATUS_ORDER = ['COMPLETED', 'PRUNED', 'RUNNING', 'FAILED'];
export const statusRank = (s) => {
  const i = STATUS_ORDER.indexOf(s);
  return i < 0 ? STATUS_ORDER.length : i;
};
export const statusLabel = (s) => {
  const t = String(s ?? 'UNKNOWN');
  return t.charAt(0) + t.slice(1).toLowerCase();
};

// Above this many drawn points a chart switches off animation and draws in large/progressive mode.
export const LARGE = 2000;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

// No animation: the charts refresh while a study runs, and a redraw should simply show the new state.
export const baseOption = () => ({
  animation: false,
  textStyle: { fontFamily: FONT, color: C.text, fontSize: 12 },
  color: ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#0891b2', '#dc2626', '#ca8a04', '#db2777', '#4b5563'],
});

export const tooltipBase = () => ({
  confine: true,
  backgroundColor: 'rgba(255,255,255,0.97)',
  borderColor: C.border,
  borderWidth: 1,
  padding: [6, 9],
  textStyle: { color: C.text, fontSize: 12, fontFamily: FONT },
  extraCssText: 'box-shadow:0 2px 8px rgba(15,23,42,.12);border-radius:6px;max-width:320px;white-space:normal;',
});

/** Ctrl + wheel zooms both axes, so the page still scrolls over the chart. */
export const ctrlWheelZoom = () => [
  { type: 'inside', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false },
  { type: 'inside', yAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false, moveOnMouseMove: false },
];

/** The x axis of learning curves: whole epochs from the first one reported. */
export const epochAxis = () => ({
  ...axisCommon(),
  type: 'value',
  name: 'Epoch',
  nameLocation: 'middle',
  nameGap: 24,
  min: 'dataMin',
  minInterval: 1,
  splitLine: { show: false },
});

export const axisCommon = () => ({
  // onZero off: a value axis that spans 0 would otherwise pull the other axis into the plot.
  axisLine: { onZero: false, lineStyle: { color: '#9ca3af' } },
  axisTick: { lineStyle: { color: '#9ca3af' } },
  axisLabel: { color: C.muted, fontSize: 11, hideOverlap: true },
  splitLine: { lineStyle: { color: C.grid } },
  nameTextStyle: { color: C.muted, fontSize: 12 },
});

// A choice value as a category label: choices may be numbers, booleans or lists, not only strings.
export const catKey = (v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));

export const esc = (v) => echarts.format.encodeHTML(String(v ?? ''));

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
export { isNum };

export function fmtNum(v, digits = 4) {
  if (!isNum(v)) return v == null ? '—' : String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2);
  return String(Number(v.toPrecision(digits)));
}

export const fmtCount = (n) => (isNum(n) ? n.toLocaleString('en-US') : '—');

// Axis tick labels: short, and exponent form for tiny or huge numbers (log axes of learning rates).
export function fmtTick(v) {
  if (!isNum(v)) return String(v ?? '');
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) {
    const [m, e] = v.toExponential(0).split('e');
    return `${m}e${Number(e)}`;
  }
  return String(Number(v.toPrecision(4)));
}

export const arrow = (direction) => (String(direction).toLowerCase() === 'minimize' ? '↓' : '↑');
export const isMinimize = (direction) => String(direction).toLowerCase() === 'minimize';

/**
 * Where to cut a value axis so a few diverged trials (a loss of 1e5 among values near 0.3) do not
 * flatten every other point: only on the worse side, only with enough points to tell, and only
 * when the far values lie well outside the interquartile spread. Returns { cut, count } or null;
 * for a minimized objective the axis ends at `cut` above, for a maximized one it starts there.
 */
export function outlierCut(values, minimize) {
  const v = values.filter(isNum).sort((a, b) => a - b);
  if (v.length < 10) return null;
  const q = (f) => v[Math.min(v.length - 1, Math.max(0, Math.round(f * (v.length - 1))))];
  const q1 = q(0.25);
  const q3 = q(0.75);
  const spread = Math.max(q3 - q1, 1e-12);
  if (minimize) {
    const fence = q3 + 6 * spread;
    const count = v.filter((x) => x > fence).length;
    if (!count || count > v.length * 0.05) return null;
    const cut = v.filter((x) => x <= fence).at(-1);
    return { cut: cut + 0.05 * (cut - v[0] || 1), count };
  }
  const fence = q1 - 6 * spread;
  const count = v.filter((x) => x < fence).length;
  if (!count || count > v.length * 0.05) return null;
  const cut = v.find((x) => x >= fence);
  return { cut: cut - 0.05 * (v.at(-1) - cut || 1), count };
}

// Axis options for a cut: the odd cut value itself gets no label (it would crowd the round ones).
export const cutAxis = (o, minimize) => (o
  ? { [minimize ? 'max' : 'min']: o.cut, axisLabel: { ...axisCommon().axisLabel, formatter: fmtTick, [minimize ? 'showMaxLabel' : 'showMinLabel']: false } }
  : {});

export function outlierNote(o, minimize) {
  if (!o) return null;
  return `${fmtCount(o.count)} trial${o.count === 1 ? '' : 's'} ${minimize ? 'above' : 'below'} ${fmtNum(o.cut)} off the scale`;
}

export function sampleNote(analysis) {
  const { total, sampled } = analysis || {};
  if (isNum(total) && isNum(sampled) && sampled < total) {
    return `${fmtCount(sampled)} of ${fmtCount(total)} trials (a sample)`;
  }
  return null;
}

function node(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text != null) n.textContent = text;
  return n;
}
export { node };

// A point's trial number becomes a bubbling `trial-click` event on the chart's outer element.
export function emitTrialClick(el, number) {
  if (number == null || !Number.isFinite(Number(number))) return;
  el.dispatchEvent(new CustomEvent('trial-click', { detail: { number: Number(number) }, bubbles: true }));
}

/**
 * One ECharts instance in `host`, resized with it. `onFinished` runs after every completed
 * render (progressive rendering and animation included).
 */
export function mountEChart(host, { onFinished } = {}) {
  const chart = echarts.init(host, null, { renderer: 'canvas' });
  if (onFinished) chart.on('finished', onFinished);
  let frame = 0;
  // The observer also reports the size the chart was just drawn at; only a real change redraws.
  let size = [host.clientWidth, host.clientHeight];
  const ro = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const now = [host.clientWidth, host.clientHeight];
      if (chart.isDisposed() || (now[0] === size[0] && now[1] === size[1])) return;
      size = now;
      chart.resize();
    });
  });
  ro.observe(host);
  return {
    chart,
    dispose() {
      cancelAnimationFrame(frame);
      ro.disconnect();
      if (!chart.isDisposed()) chart.dispose();
    },
  };
}

/**
 * The chart's own element inside the caller's container: it carries the test id and
 * data-rendered, so the caller's element keeps its own attributes.
 */
export function chartRoot(el, testid, kind) {
  const root = node('div', `tl-chart tl-chart-${kind}`);
  root.setAttribute('data-testid', testid);
  el.replaceChildren(root);
  return root;
}

/**
 * The frame every chart function uses: a root element with the test id, a caption line, the
 * canvas host and the empty-state text. `build(data)` returns
 *   { empty: 'text' }                               -> muted text instead of a chart, or
 *   { option, caption, replaceMerge, trialAt, on }  -> an ECharts option;
 * `trialAt(params)` maps a clicked item to a trial number, `on` holds extra chart event handlers
 * (called with (params, chart)).
 */
export function singleChart(el, testid, kind, build, data) {
  const root = chartRoot(el, testid, kind);
  const caption = node('div', 'tl-chart-caption');
  caption.setAttribute('data-testid', 'chart-caption');
  const host = node('div', 'tl-chart-canvas');
  const scroll = node('div', 'tl-chart-scroll');
  scroll.append(host);
  const empty = node('p', 'tl-chart-empty muted');
  empty.setAttribute('data-testid', 'chart-empty');
  root.append(caption, scroll, empty);

  let mounted = null;
  let spec = null;
  let points = 0;
  // data-points: the data items of the series last drawn, so a test can tell a drawn chart from
  // an empty or failed one (both of which also end with data-rendered).
  const rendered = () => {
    root.setAttribute('data-points', String(points));
    root.setAttribute('data-rendered', 'true');
  };

  function ensure() {
    if (mounted) return mounted.chart;
    mounted = mountEChart(host, { onFinished: rendered });
    const { chart } = mounted;
    chart.on('click', (p) => {
      const n = spec?.trialAt?.(p);
      if (n != null) emitTrialClick(el, n);
    });
    for (const name of ['mouseover', 'mouseout', 'globalout', 'legendselectchanged']) {
      chart.on(name, (p) => spec?.on?.[name]?.(p, chart));
    }
    return chart;
  }

  function setCaption(parts) {
    const list = (Array.isArray(parts) ? parts : [parts]).filter(Boolean);
    caption.replaceChildren(...list.flatMap((p, i) => (i ? [node('span', 'sep', ' · '), p] : [p]))
      .map((p) => (p instanceof Node ? p : node('span', null, String(p)))));
    caption.hidden = list.length === 0;
  }

  function render(d) {
    let next;
    try {
      next = build(d);
    } catch (err) {
      console.error(`${testid}: cannot draw`, err);
      next = { empty: 'Cannot draw this chart', error: true };
    }
    spec = next;
    setCaption(next.caption);
    if (next.error) root.setAttribute('data-error', 'true');
    else root.removeAttribute('data-error');
    if (next.empty != null) {
      if (mounted) { mounted.dispose(); mounted = null; }
      scroll.hidden = true;
      empty.hidden = false;
      empty.textContent = next.empty;
      root.setAttribute('data-empty', 'true');
      points = 0;
      rendered();
      return;
    }
    scroll.hidden = false;
    empty.hidden = true;
    root.removeAttribute('data-empty');
    points = seriesPoints(next.option);
    if (next.height) host.style.height = `${next.height}px`;
    host.style.minWidth = next.minWidth ? `${next.minWidth}px` : '';
    const chart = ensure();
    // Series (and axes whose set can change) are replaced; legend selection and zoom survive updates.
    chart.setOption(next.option, { replaceMerge: next.replaceMerge || ['series'], lazyUpdate: false });
  }

  render(data);
  return {
    update(d) { render(d); },
    dispose() {
      if (mounted) { mounted.dispose(); mounted = null; }
      root.remove();
    },
    get chart() { return mounted?.chart ?? null; },
  };
}

/** How many data items the option's series hold. */
export function seriesPoints(option) {
  const series = Array.isArray(option?.series) ? option.series : option?.series ? [option.series] : [];
  return series.reduce((n, s) => n + (s?.data?.length ?? 0), 0);
}

// Legend of statuses at the top, with counts.
export function statusLegend(names, counts) {
  return {
    type: 'scroll',
    top: 0,
    left: 'center',
    icon: 'roundRect',
    itemWidth: 12,
    itemHeight: 8,
    itemGap: 14,
    textStyle: { color: C.text, fontSize: 12 },
    inactiveColor: '#cbd5e1',
    data: names,
    formatter: (name) => (counts && counts[name] != null ? `${statusLabel(name)} (${fmtCount(counts[name])})` : statusLabel(name)),
  };
}

// Deterministic pseudo-random in [0, 1) from an integer, for jitter that does not move on update.
export function hash01(n) {
  let x = (Number(n) | 0) ^ 0x9e3779b9;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

export function paramTooltipRows(analysis, i, limit = 12) {
  const params = analysis?.params || [];
  const cols = analysis?.trials?.params || {};
  const rows = [];
  for (const p of params.slice(0, limit)) {
    const v = cols[p.name]?.[i];
    rows.push(`<span style="color:${C.muted}">${esc(p.name)}</span> ${v == null ? '<span style="color:#9ca3af">inactive</span>' : esc(typeof v === 'number' ? fmtNum(v) : catKey(v))}`);
  }
  if (params.length > limit) rows.push(`<span style="color:${C.muted}">… ${params.length - limit} more</span>`);
  return rows.join('<br>');
}

export const dot = (color) =>
  `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;background:${color};margin-right:5px"></span>`;
