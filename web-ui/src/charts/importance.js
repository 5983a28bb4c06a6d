// Hyperparameter importance: horizontal bars, the most important parameter on top.

import { C, axisCommon, baseOption, esc, fmtCount, isNum, singleChart, tooltipBase } from './core.js';

const DEFAULT_MIN_TRIALS = 5; // the API's minimum (StudyAnalysis.MIN_IMPORTANCE_TRIALS)

function build(importance, opts) {
  const values = (importance?.values || []).filter((v) => v && isNum(v.importance));
  if (!importance || !values.length) {
    const n = importance?.minTrials ?? importance?.required ?? opts.minTrials ?? DEFAULT_MIN_TRIALS;
    return { empty: `Needs at least ${fmtCount(n)} completed trials` };
  }
  const sorted = [...values].sort((a, b) => b.importance - a.importance);
  const rawSum = sorted.reduce((s, v) => s + Math.max(0, v.importance), 0);
  const sum = rawSum || 1;
  // Category axes run bottom-up; `inverse` puts the first (highest) bar at the top.
  const names = sorted.map((v) => String(v.param));
  const longest = Math.max(...names.map((n) => n.length));
  const caption = [
    importance.method ? `${importance.method}` : null,
    isNum(importance.trials) ? `${fmtCount(importance.trials)} completed trials` : null,
    rawSum ? null : 'no parameter explains the objective yet',
  ];
  const pct = (v) => `${((100 * Math.max(0, v)) / sum).toFixed(v / sum < 0.1 ? 1 : 0)}%`;
  const option = {
    ...baseOption(),
    grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase(),
      trigger: 'item',
      formatter: (p) => `<b>${esc(p.name)}</b><br>importance ${esc(sorted[p.dataIndex].importance.toFixed(3))} (${esc(pct(sorted[p.dataIndex].importance))} of the total)`,
    },
    xAxis: {
      ...axisCommon(),
      type: 'value',
      min: 0,
      max: (e) => Math.max(e.max, 1e-9),
      axisLabel: { show: false },
      splitLine: { show: false },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    yAxis: {
      ...axisCommon(),
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: C.border } },
      axisLabel: {
        color: C.text,
        fontSize: 12,
        width: Math.min(180, Math.max(60, longest * 7.5)),
        overflow: 'truncate',
      },
    },
    series: [{
      type: 'bar',
      data: sorted.map((v) => v.importance),
      barMaxWidth: 22,
      barCategoryGap: '30%',
      itemStyle: { color: '#2563eb', borderRadius: [0, 3, 3, 0] },
      emphasis: { itemStyle: { color: '#1d4ed8' } },
      label: {
        show: true,
        position: 'right',
        color: C.muted,
        fontSize: 11,
        formatter: (p) => `${Number(p.value).toFixed(2)}`,
      },
    }],
  };
  return { option, caption, height: Math.max(120, sorted.length * 30 + 24), replaceMerge: ['series', 'yAxis'] };
}

/**
 * `importance` may be null (too few completed trials); the message names `opts.minTrials`
 * (or `importance.minTrials` when the API sends it).
 */
export function importanceChart(el, importance, opts = {}) {
  return singleChart(el, 'chart-importance', 'importance', (d) => build(d, opts), importance);
}
