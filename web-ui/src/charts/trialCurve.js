// One trial's learning curves: every reported metric per epoch. Loss-like metrics share the left
// axis, scores (accuracy, auc, …) the right one; a metric and its val_ form share a colour, the
// training one dashed.

import { axisCommon, baseOption, C, dot, epochAxis, esc, fmtNum, fmtTick, isNum, singleChart, tooltipBase } from './core.js';

const LOSS_LIKE = new Set(['loss', 'mae', 'mse', 'rmse', 'log_loss', 'logloss', 'cross_entropy', 'error', 'mape', 'huber']);
const META = new Set(['epoch', 'attempt', 'trial', 'study', 'time', 'timestamp', 'duration', 'seconds', 'elapsed', 'at', 'createdAt']);
const PALETTE = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#0891b2', '#dc2626', '#ca8a04', '#db2777'];

const base = (m) => m.replace(/^(val|validation|test)_/, '');
export const isLossLike = (m) => {
  const b = base(m).toLowerCase();
  return LOSS_LIKE.has(b) || b.endsWith('_loss') || b.endsWith('_error');
};
const isVal = (m) => /^(val|validation|test)_/.test(m);

function build(metrics) {
  // Per epoch, the row of the latest attempt wins: a retried trial's curve is the one it finished with.
  const byEpoch = new Map();
  for (const row of metrics?.epochs || []) {
    if (!row || !isNum(row.epoch)) continue;
    const prev = byEpoch.get(row.epoch);
    if (!prev || (row.attempt ?? 0) >= (prev.attempt ?? 0)) byEpoch.set(row.epoch, row);
  }
  const rows = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
  const names = [];
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (!META.has(k) && isNum(v) && !names.includes(k)) names.push(k);
    }
  }
  if (!rows.length || !names.length) return { empty: 'No epochs reported yet' };

  // Stable order: by base name, training before validation.
  names.sort((a, b) => base(a).localeCompare(base(b)) || Number(isVal(a)) - Number(isVal(b)));
  const bases = [...new Set(names.map(base))];
  const loss = names.filter(isLossLike);
  const score = names.filter((m) => !isLossLike(m));
  const twoAxes = loss.length > 0 && score.length > 0;
  const attempts = new Set(rows.map((r) => r.attempt).filter((a) => a != null));

  const yAxes = [];
  if (loss.length) yAxes.push({ name: 'loss', position: 'left' });
  if (score.length) yAxes.push({ name: 'score', position: twoAxes ? 'right' : 'left' });
  const axisIndex = (m) => (isLossLike(m) || !twoAxes ? 0 : 1);

  const series = names.map((m) => {
    const color = PALETTE[bases.indexOf(base(m)) % PALETTE.length];
    return {
      name: m,
      type: 'line',
      yAxisIndex: axisIndex(m),
      data: rows.map((r) => [r.epoch, isNum(r[m]) ? r[m] : null, r.attempt ?? null]),
      showSymbol: rows.length <= 40,
      symbolSize: 5,
      connectNulls: true,
      lineStyle: { color, width: isVal(m) ? 2 : 1.5, type: isVal(m) ? 'solid' : 'dashed' },
      itemStyle: { color },
      emphasis: { focus: 'series' },
    };
  });

  const caption = [
    metrics.trial != null ? `Trial #${metrics.trial}` : null,
    metrics.attempt != null ? `attempt ${metrics.attempt}` : (attempts.size > 1 ? `attempts ${[...attempts].join(', ')}` : null),
    `${rows.length} epoch${rows.length === 1 ? '' : 's'}`,
    twoAxes ? 'losses on the left axis, scores on the right' : null,
  ];

  const option = {
    ...baseOption(),
    legend: {
      type: 'scroll', top: 0, left: 'center', itemWidth: 26, itemHeight: 9, itemGap: 14,
      textStyle: { color: C.text, fontSize: 12 }, inactiveColor: '#cbd5e1', data: names,
    },
    grid: { left: 12, right: 12, top: 34, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase(),
      trigger: 'axis',
      axisPointer: { type: 'line', lineStyle: { color: '#9ca3af' } },
      formatter(ps) {
        const list = Array.isArray(ps) ? ps : [ps];
        if (!list.length) return '';
        const [epoch, , attempt] = list[0].value;
        const head = `<b>Epoch ${esc(epoch)}</b>${attempt != null ? ` <span style="color:${C.muted}">attempt ${esc(attempt)}</span>` : ''}`;
        return [head, ...list.filter((p) => isNum(p.value[1]))
          .map((p) => `${dot(p.color)}${esc(p.seriesName)} <b>${esc(fmtNum(p.value[1]))}</b>`)].join('<br>');
      },
    },
    xAxis: epochAxis(),
    yAxis: yAxes.map((a, k) => ({
      ...axisCommon(),
      type: 'value',
      scale: true,
      name: a.name,
      position: a.position,
      nameLocation: 'middle',
      nameGap: 14,
      splitLine: { show: k === 0, lineStyle: { color: C.grid } },
      axisLabel: { ...axisCommon().axisLabel, formatter: fmtTick },
    })),
    series,
  };
  return { option, caption, height: 300, replaceMerge: ['series', 'yAxis'] };
}

export function trialCurveChart(el, metrics) {
  return singleChart(el, 'chart-trial-curve', 'trial-curve', build, metrics);
}
