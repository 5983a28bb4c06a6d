// Parallel coordinates: one axis per parameter plus the objective, one line per finished trial,
// coloured by objective (the best end of the scale is the darkest).

import {
  C, axisCommon, catKey, baseOption, esc, fmtCount, fmtNum, fmtTick, isMinimize, isNum, paramTooltipRows,
  sampleNote, singleChart, tooltipBase, arrow,
} from './core.js';

export const INACTIVE = '—';
const UNFINISHED = new Set(['RUNNING', 'PENDING', 'QUEUED']);
const AXIS_STEP = 96; // px per axis below which the canvas scrolls sideways instead of squeezing
const RAMP = ['#c3d7f8', '#86b0f3', '#3b76e0', '#1d4ed8', '#172554'];

// Labels sit on top of the lines; a light box keeps them readable.
const LABEL_BOX = { color: '#374151', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3], borderRadius: 2 };
const numeric = (p) => p.type === 'int' || p.type === 'float' || p.type === 'number';

function build(analysis) {
  const t = analysis?.trials || {};
  const numbers = t.number || [];
  const objective = t.objective || [];
  const status = t.status || [];
  const cols = t.params || {};
  const params = analysis?.params || [];
  const rowsIdx = [];
  for (let i = 0; i < numbers.length; i++) {
    if (isNum(objective[i]) && !UNFINISHED.has(status[i])) rowsIdx.push(i);
  }
  if (!rowsIdx.length) return { empty: 'No finished trials yet' };
  if (!params.length) return { empty: 'No parameters to compare' };

  const metric = analysis.metric || 'objective';
  const skipped = [];
  const axes = params.map((p, dim) => {
    const col = cols[p.name] || [];
    const common = {
      ...axisCommon(),
      dim,
      name: p.name,
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: C.text, fontSize: 12, fontWeight: 600, overflow: 'truncate', width: AXIS_STEP - 10 },
      axisLabel: { ...axisCommon().axisLabel, ...LABEL_BOX, formatter: fmtTick },
    };
    const hasNull = rowsIdx.some((i) => col[i] == null);
    if (!numeric(p)) {
      const values = [...new Set((p.values || []).map(catKey))];
      const extra = [...new Set(rowsIdx.map((i) => col[i]).filter((v) => v != null).map(catKey))].filter((v) => !values.includes(v));
      return {
        ...common,
        type: 'category',
        data: [...values, ...extra, ...(hasNull ? [INACTIVE] : [])],
        axisLabel: { ...common.axisLabel, formatter: (v) => (String(v).length > 14 ? `${String(v).slice(0, 13)}…` : v) },
      };
    }
    if (hasNull) skipped.push(p.name);
    const log = !!p.log;
    return {
      ...common,
      type: log ? 'log' : 'value',
      ...(isNum(p.min) && (!log || p.min > 0) ? { min: p.min } : { scale: true }),
      ...(isNum(p.max) ? { max: p.max } : {}),
      ...(p.type === 'int' ? { minInterval: 1 } : {}),
    };
  });
  const objDim = params.length;
  axes.push({
    ...axisCommon(),
    dim: objDim,
    type: 'value',
    scale: true,
    name: `${metric} ${arrow(analysis.direction)}`,
    nameLocation: 'end',
    nameGap: 12,
    nameTextStyle: { color: C.text, fontSize: 12, fontWeight: 600, overflow: 'truncate', width: AXIS_STEP + 20 },
    axisLabel: { ...axisCommon().axisLabel, ...LABEL_BOX, formatter: fmtTick },
    axisLine: { lineStyle: { color: '#4b5563', width: 1.5 } },
  });

  // Best trials last, so they are drawn on top of the rest.
  const min = isMinimize(analysis.direction);
  rowsIdx.sort((a, b) => (min ? objective[b] - objective[a] : objective[a] - objective[b]));
  const data = rowsIdx.map((i) => {
    const row = params.map((p) => {
      const v = cols[p.name]?.[i];
      if (!numeric(p)) return v == null ? INACTIVE : catKey(v);
      return isNum(v) ? v : null;
    });
    row.push(objective[i], i);
    return row;
  });

  let lo = Infinity;
  let hi = -Infinity;
  for (const i of rowsIdx) { lo = Math.min(lo, objective[i]); hi = Math.max(hi, objective[i]); }
  if (lo === hi) { lo -= 1e-9; hi += 1e-9; }
  const many = data.length > 400;

  const caption = [
    `${fmtCount(data.length)} finished trial${data.length === 1 ? '' : 's'}`,
    sampleNote(analysis),
    skipped.length ? `lines skip the ${skipped.join(', ')} axis${skipped.length > 1 ? 'es' : ''} where the parameter is inactive` : null,
  ];

  const minWidth = axes.length * AXIS_STEP + 150;

  const option = {
    ...baseOption(),
    parallel: {
      left: 48,
      right: 150,
      top: 48,
      bottom: 28,
      parallelAxisDefault: { realtime: false },
    },
    parallelAxis: axes,
    visualMap: {
      type: 'continuous',
      dimension: objDim,
      min: lo,
      max: hi,
      calculable: true,
      realtime: false,
      right: 10,
      top: 'middle',
      align: 'left',
      itemWidth: 12,
      itemHeight: 160,
      precision: 4,
      text: [min ? 'worst' : 'best', min ? 'best' : 'worst'],
      textGap: 6,
      textStyle: { color: C.muted, fontSize: 11 },
      inRange: { color: min ? [...RAMP].reverse() : RAMP },
      formatter: (v) => fmtTick(v),
    },
    tooltip: {
      ...tooltipBase(),
      trigger: 'item',
      formatter(p) {
        const i = p.value?.[objDim + 1];
        if (!isNum(i)) return '';
        return `<b>Trial #${esc(numbers[i])}</b> <span style="color:${C.muted}">${esc(status[i])}</span><br>`
          + `${esc(metric)} <b>${esc(fmtNum(objective[i]))}</b><br>${paramTooltipRows(analysis, i)}`;
      },
    },
    series: [{
      type: 'parallel',
      name: metric,
      data,
      smooth: false,
      lineStyle: { width: many ? 0.8 : 1.5, opacity: data.length > 2000 ? 0.22 : many ? 0.35 : 0.75 },
      emphasis: { disabled: data.length > 1500, lineStyle: { width: 2.5, opacity: 1 } },
      inactiveOpacity: 0.03,
      activeOpacity: many ? 0.5 : 1,
      // Above 3,000 lines they draw over a few frames, so the page never blocks for long.
      progressive: 1500,
      progressiveThreshold: 3000,
    }],
  };

  return {
    option,
    caption,
    height: 380,
    minWidth,
    replaceMerge: ['series', 'parallelAxis', 'visualMap'],
    trialAt: (p) => {
      const i = p.value?.[objDim + 1];
      return isNum(i) ? numbers[i] : null;
    },
  };
}

export function parallelChart(el, analysis) {
  return singleChart(el, 'chart-parallel', 'parallel', build, analysis);
}
