// Optimization history: each finished trial's objective by trial number, coloured by status,
// with the best-so-far step line.

import {
  arrow, axisCommon, baseOption, C, ctrlWheelZoom, cutAxis, dot, esc, fmtCount, fmtNum, fmtTick, isMinimize, isNum, LARGE, outlierCut, outlierNote, paramTooltipRows, sampleNote, singleChart, statusColor, statusLegend, statusRank, tooltipBase,
} from './core.js';

const BEST = 'Best so far';

function build(analysis) {
  const t = analysis?.trials || {};
  const numbers = t.number || [];
  const objective = t.objective || [];
  const status = t.status || [];
  const byStatus = new Map();
  let maxNumber = -Infinity;
  let minNumber = Infinity;
  let points = 0;
  for (let i = 0; i < numbers.length; i++) {
    const y = objective[i];
    if (!isNum(y)) continue;
    const s = status[i] || 'UNKNOWN';
    if (!byStatus.has(s)) byStatus.set(s, []);
    byStatus.get(s).push([numbers[i], y, i]);
    if (numbers[i] > maxNumber) maxNumber = numbers[i];
    if (numbers[i] < minNumber) minNumber = numbers[i];
    points++;
  }
  if (!points) return { empty: 'No finished trials yet' };

  const statuses = [...byStatus.keys()].sort((a, b) => statusRank(a) - statusRank(b) || a.localeCompare(b));
  const counts = Object.fromEntries(statuses.map((s) => [s, byStatus.get(s).length]));
  const large = points > LARGE;
  const symbolSize = points > 2000 ? 4 : points > 300 ? 6 : 8;

  const series = statuses.map((s) => ({
    name: s,
    type: 'scatter',
    data: byStatus.get(s),
    symbolSize,
    itemStyle: { color: statusColor(s), opacity: large ? 0.55 : 0.8 },
    emphasis: { scale: 1.8, itemStyle: { opacity: 1, borderColor: '#fff', borderWidth: 1 } },
    large,
    largeThreshold: LARGE,
    progressive: 4000,
    progressiveThreshold: 8000,
    z: 2,
  }));

  const best = analysis.best || {};
  const bestData = [];
  let bestEnd = -1;
  (best.number || []).forEach((n, i) => {
    const y = best.objective?.[i];
    if (isNum(n) && isNum(y)) bestData.push([n, y]);
  });
  if (bestData.length) {
    const last = bestData[bestData.length - 1];
    // Carried on to the last trial, so the line shows the current best across the whole axis.
    if (maxNumber > last[0]) { bestData.push([maxNumber, last[1]]); bestEnd = bestData.length - 1; }
    series.push({
      name: BEST,
      type: 'line',
      step: 'end',
      data: bestData,
      // No symbols: they would sit on top of the trials' own points; those carry the tooltip.
      showSymbol: false,
      silent: true,
      lineStyle: { color: C.best, width: 2 },
      itemStyle: { color: C.best },
      z: 3,
      animation: false,
    });
  }

  const metric = analysis.metric || 'objective';
  const minimize = isMinimize(analysis.direction);
  const cut = outlierCut(objective, minimize);
  const caption = [
    `${fmtCount(points)} trial${points === 1 ? '' : 's'} with a ${metric}`,
    sampleNote(analysis),
    outlierNote(cut, minimize),
  ];

  const option = {
    ...baseOption(),
    legend: statusLegend([...statuses, ...(bestData.length ? [BEST] : [])], counts),
    grid: { left: 12, right: 24, top: 34, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase(),
      trigger: 'item',
      formatter(p) {
        if (p.seriesName === BEST) {
          const [n, y] = p.value;
          return p.dataIndex === bestEnd
            ? `<b>Best so far</b><br>${esc(metric)} ${esc(fmtNum(y))}`
            : `<b>New best · trial #${esc(n)}</b><br>${esc(metric)} ${esc(fmtNum(y))}`;
        }
        const [n, y, i] = p.value;
        return `${dot(p.color)}<b>Trial #${esc(n)}</b> <span style="color:${C.muted}">${esc(status[i])}</span><br>`
          + `${esc(metric)} <b>${esc(fmtNum(y))}</b><br>${paramTooltipRows(analysis, i)}`;
      },
    },
    xAxis: {
      ...axisCommon(),
      type: 'value',
      name: 'Trial',
      nameLocation: 'middle',
      nameGap: 24,
      scale: true,
      // From trial 0 when the study's start is in view, so the axis never shows trial -1.
      ...(minNumber <= 0.2 * (maxNumber - minNumber) ? { min: 0 } : {}),
      minInterval: 1,
      splitLine: { show: false },
      axisLabel: { ...axisCommon().axisLabel, formatter: (v) => fmtCount(v) },
    },
    yAxis: {
      ...axisCommon(),
      type: 'value',
      scale: true,
      name: `${metric} ${arrow(analysis.direction)}`,
      nameLocation: 'middle',
      nameGap: 14,
      axisLabel: { ...axisCommon().axisLabel, formatter: fmtTick },
      ...cutAxis(cut, minimize),
    },
    dataZoom: ctrlWheelZoom(),
    series,
  };

  return {
    option,
    caption,
    height: 340,
    replaceMerge: ['series'],
    trialAt: (p) => (p.seriesName === BEST && p.dataIndex === bestEnd ? null : p.value?.[0]),
  };
}

export function historyChart(el, analysis) {
  return singleChart(el, 'chart-history', 'history', build, analysis);
}
