// Intermediate values: the objective metric per epoch, one line per trial. Lines of one status
// share a series (gaps between trials), so 200 curves stay a handful of series and the legend
// toggles statuses; an invisible point layer names the trial in the tooltip and takes clicks,
// and hovering a trial draws its curve on top.

import {
  arrow, axisCommon, baseOption, C, ctrlWheelZoom, dot, epochAxis, esc, fmtCount, fmtNum, fmtTick, isNum, LARGE, singleChart, statusColor, statusLegend, statusRank, tooltipBase,
} from './core.js';

// A filled "×" (symbols are filled paths, so a two-stroke cross would not show).
const CROSS = 'path://M2,0L5,3L8,0L10,2L7,5L10,8L8,10L5,7L2,10L0,8L3,5L0,2Z';
const GAP = [null, null];

function build(curves) {
  const trials = (curves?.trials || [])
    .map((t) => {
      const pts = [];
      const epochs = t.epochs || [];
      const values = t.values || [];
      for (let i = 0; i < values.length; i++) {
        if (isNum(values[i]) && isNum(epochs[i])) pts.push([epochs[i], values[i]]);
      }
      return { number: t.number, status: t.status || 'UNKNOWN', pts };
    })
    .filter((t) => t.pts.length);
  trials.forEach((t, i) => { t.index = i; });
  if (!trials.length) return { empty: 'No finished trials yet' };

  const metric = curves.metric || 'objective';
  const groups = new Map();
  let points = 0;
  for (const t of trials) {
    if (!groups.has(t.status)) groups.set(t.status, []);
    groups.get(t.status).push(t);
    points += t.pts.length;
  }
  const statuses = [...groups.keys()].sort((a, b) => statusRank(a) - statusRank(b) || a.localeCompare(b));
  const counts = Object.fromEntries(statuses.map((s) => [s, groups.get(s).length]));
  const many = trials.length > 60;
  const large = points > LARGE;

  const series = [];
  for (const s of statuses) {
    const color = statusColor(s);
    const pruned = s === 'PRUNED';
    const line = [];
    const hover = [];
    const ends = [];
    const singles = [];
    for (const t of groups.get(s)) {
      const ti = t.index;
      if (line.length) line.push(GAP);
      for (const p of t.pts) {
        line.push(p);
        hover.push([p[0], p[1], ti]);
      }
      const last = t.pts[t.pts.length - 1];
      if (pruned) ends.push([last[0], last[1], ti]);
      else if (t.pts.length === 1) singles.push([last[0], last[1], ti]);
    }
    series.push({
      name: s,
      type: 'line',
      data: line,
      connectNulls: false,
      showSymbol: false,
      silent: true,
      lineStyle: { color, width: many ? 1 : 1.6, opacity: many ? 0.4 : 0.75, type: pruned ? 'dashed' : 'solid' },
      itemStyle: { color },
      emphasis: { disabled: true },
      animation: false,
      z: 2,
    });
    if (pruned && ends.length) {
      series.push({
        name: s,
        type: 'scatter',
        data: ends,
        symbol: CROSS,
        symbolSize: many ? 7 : 9,
        itemStyle: { color, opacity: 0.9 },
        z: 4,
        large,
        largeThreshold: LARGE,
      });
    }
    // A trial with one epoch has no line to draw: a dot stands for it.
    if (singles.length) {
      series.push({
        name: s, type: 'scatter', data: singles, symbolSize: 5, itemStyle: { color, opacity: 0.8 }, z: 3, large, largeThreshold: LARGE,
      });
    }
    // Hit layer: transparent dots on every point, for the tooltip and clicks.
    series.push({
      name: s,
      type: 'scatter',
      data: hover,
      symbolSize: 7,
      itemStyle: { color, opacity: 0 },
      emphasis: { itemStyle: { opacity: 1 } },
      z: 3,
      large,
      largeThreshold: LARGE,
      progressive: 5000,
    });
  }
  series.push({ id: 'hover-trial', name: '', type: 'line', data: [], showSymbol: false, silent: true, z: 5, animation: false });

  const shown = curves.shown ?? trials.length;
  const total = curves.total ?? shown;
  const caption = [
    shown < total ? `${fmtCount(shown)} of ${fmtCount(total)} trials shown` : `${fmtCount(trials.length)} trial${trials.length === 1 ? '' : 's'}`,
    counts.PRUNED ? 'dashed line and × = pruned' : null,
  ];

  const trialOf = (p) => (p.componentSubType === 'scatter' && isNum(p.value?.[2]) ? trials[p.value[2]] : null);
  const highlight = (t, chart) => chart.setOption({
    series: [{
      id: 'hover-trial',
      data: t ? t.pts : [],
      lineStyle: { color: t ? statusColor(t.status) : C.text, width: 2.5, opacity: 1, type: t?.status === 'PRUNED' ? 'dashed' : 'solid' },
      showSymbol: !!t && t.pts.length <= 40,
      symbolSize: 4,
      itemStyle: { color: t ? statusColor(t.status) : C.text },
    }],
  }, { lazyUpdate: true, silent: true });
  let hovered = null;

  const option = {
    ...baseOption(),
    legend: statusLegend(statuses, counts),
    grid: { left: 12, right: 24, top: 34, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase(),
      trigger: 'item',
      formatter(p) {
        const t = trialOf(p);
        if (!t) return '';
        const last = t.pts[t.pts.length - 1];
        return `${dot(statusColor(t.status))}<b>Trial #${esc(t.number)}</b> <span style="color:${C.muted}">${esc(t.status)}</span><br>`
          + `epoch ${esc(p.value[0])}: ${esc(metric)} <b>${esc(fmtNum(p.value[1]))}</b>`
          + (last[0] !== p.value[0] ? `<br><span style="color:${C.muted}">last epoch ${esc(last[0])}: ${esc(fmtNum(last[1]))}</span>` : '');
      },
    },
    xAxis: epochAxis(),
    yAxis: {
      ...axisCommon(),
      type: 'value',
      scale: true,
      name: `${metric} ${arrow(curves.direction)}`,
      nameLocation: 'middle',
      nameGap: 14,
      axisLabel: { ...axisCommon().axisLabel, formatter: fmtTick },
    },
    dataZoom: ctrlWheelZoom(),
    series,
  };

  return {
    option,
    caption,
    height: 340,
    replaceMerge: ['series'],
    trialAt: (p) => trialOf(p)?.number,
    on: {
      mouseover(p, chart) {
        const t = trialOf(p);
        if (t && t !== hovered) { hovered = t; highlight(t, chart); }
      },
      globalout(p, chart) {
        if (hovered) { hovered = null; highlight(null, chart); }
      },
    },
  };
}

export function intermediateChart(el, curves) {
  return singleChart(el, 'chart-intermediate', 'intermediate', build, curves);
}
