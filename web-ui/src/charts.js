// Study charts, drawn with a tree-shaken ECharts build. Every function renders into a container
// element and returns { update(data), dispose() }; the container gets a data-testid and, once
// drawn, data-rendered="true" (also when it shows its empty-state text, then with data-empty).
// Clicking a point that is a trial dispatches a bubbling `trial-click` event with
// { detail: { number } } on the container.

import './charts.css';

export { historyChart } from './charts/history.js';
export { intermediateChart } from './charts/intermediate.js';
export { parallelChart } from './charts/parallel.js';
export { importanceChart } from './charts/importance.js';
export { sliceCharts } from './charts/slice.js';
export { trialCurveChart, isLossLike } from './charts/trialCurve.js';
export { STATUS_COLORS, statusColor } from './charts/core.js';
