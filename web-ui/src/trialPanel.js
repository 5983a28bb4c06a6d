// A trial's own view, opened from the leaderboard or a chart: its learning curves, what it was
// run with, its model card and its model.

import { cancelTrial, getModelCard, getTrial, getTrialMetrics, trialModelUrl } from './api.js';
import {
  badge, fmtCount, fmtDate, fmtDuration, fmtObjective, fmtParam, h, isTrialActive, placeholder, renderInto,
} from './render.js';

const loadCharts = () => import('./charts.js');

/** `canCancel()` says whether the caller may stop the trial (an editor of the study's project). */
export function createTrialPanel(studyId, number, { onClose, setError, canCancel = () => true }) {
  const el = h('aside', { class: 'trial-panel', 'data-testid': 'trial-panel', 'aria-label': `Trial ${number}` });
  const body = h('div', { class: 'trial-body' });
  const chartEl = h('div', { class: 'chart trial-chart', 'data-testid': 'trial-curve' });
  const cardEl = h('div', { class: 'model-card', 'data-testid': 'model-card' });
  el.append(body, h('h4', {}, 'Learning curves'), chartEl, h('h4', {}, 'Model card'), cardEl);
  const state = { trial: null, metrics: null, card: undefined, chart: null, cancelling: false, destroyed: false };

  const render = () => {
    const cancellable = canCancel();
    renderInto(body, JSON.stringify([state.trial, state.cancelling, cancellable]), () => header(studyId, number, state, cancellable));
    renderInto(cardEl, JSON.stringify([state.card, state.trial?.hasModel]), () => modelCard(state));
  };

  const drawChart = async () => {
    if (!state.metrics) return;
    const charts = await loadCharts();
    if (state.destroyed) return;
    if (state.chart) state.chart.update(state.metrics);
    else state.chart = charts.trialCurveChart(chartEl, state.metrics);
  };

  const load = async () => {
    try {
      const [trial, metrics] = await Promise.all([getTrial(studyId, number), getTrialMetrics(studyId, number)]);
      if (state.destroyed) return;
      Object.assign(state, { trial, metrics });
      if (trial.hasModel && !state.card) {
        state.card = await getModelCard(studyId, number).catch((e) => ({ error: e.message }));
      }
    } catch (e) {
      if (e.status === 404) state.trial = { missing: true };
      else setError(`Could not load trial ${number}: ${e.message}`);
    }
    if (state.destroyed) return;
    render();
    drawChart();
  };

  el.addEventListener('click', async (event) => {
    const target = event.target.closest('[data-action]');
    if (!target || target.disabled) return;
    if (target.dataset.action === 'close-trial') onClose();
    if (target.dataset.action === 'cancel-trial') {
      state.cancelling = true;
      render();
      try {
        await cancelTrial(studyId, number);
      } catch (e) {
        setError(`Cancel failed: ${e.message}`);
      }
      state.cancelling = false;
      load();
    }
  });

  const onKey = (event) => {
    if (event.key === 'Escape') onClose();
  };
  document.addEventListener('keydown', onKey);

  render();
  load();
  return {
    el,
    number,
    refresh: load,
    destroy() {
      state.destroyed = true;
      document.removeEventListener('keydown', onKey);
      state.chart?.dispose();
      el.remove();
    },
  };
}

function header(studyId, number, { trial, cancelling }, cancellable) {
  const close = h('button', { type: 'button', class: 'close', 'data-action': 'close-trial', 'data-testid': 'trial-close', 'aria-label': 'Close' }, '×');
  if (!trial) return [h('div', { class: 'panel-title' }, h('h3', {}, `Trial #${number}`), close), placeholder('Loading trial…', 'trial-loading')];
  if (trial.missing) return [h('div', { class: 'panel-title' }, h('h3', {}, `Trial #${number}`), close), placeholder('No such trial.', 'trial-missing')];
  const facts = [
    ['Rank', trial.rank ?? '—'],
    ['Objective', fmtObjective(trial.objective)],
    ['Epochs', trial.epochsDone],
    ['Attempt', trial.attempt],
    ['Duration', fmtDuration(trial.durationMs)],
    ['Worker', trial.worker ?? '—'],
    ['Parameters', trial.paramCount != null ? fmtCount(trial.paramCount) : '—'],
    ['Started', fmtDate(trial.startedAt)],
    ['Finished', fmtDate(trial.finishedAt)],
  ];
  const metrics = Object.entries(trial.metrics || {});
  return [
    h('div', { class: 'panel-title' }, h('h3', { 'data-testid': 'trial-title' }, `Trial #${trial.number} `, badge(trial.status)), close),
    trial.error ? h('p', { class: NOTE.has(trial.status) ? 'muted' : 'error', 'data-testid': 'trial-message' }, trial.error) : null,
    h('div', { class: 'actions' },
      h('a', {
        class: 'button', 'data-testid': 'trial-download', href: trial.hasModel ? trialModelUrl(studyId, trial.number) : null,
        download: trial.hasModel, 'aria-disabled': trial.hasModel ? null : 'true', title: trial.hasModel ? null : 'No model (yet)',
      }, 'Download model'),
      cancellable && isTrialActive(trial) ? h('button', { type: 'button', class: 'danger', 'data-action': 'cancel-trial', 'data-testid': 'trial-cancel', disabled: cancelling },
        cancelling ? 'Stopping…' : 'Stop trial') : null),
    h('dl', { class: 'facts' }, facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    h('h4', {}, 'Parameters'),
    h('table', { class: 'kv', 'data-testid': 'trial-params-table' },
      h('tbody', {}, Object.entries(trial.params || {}).map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { class: 'mono' }, fmtParam(v)))))),
    metrics.length ? [h('h4', {}, 'Last epoch'),
      h('table', { class: 'kv' }, h('tbody', {}, metrics.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { class: 'mono' }, fmtParam(v))))))] : null,
  ];
}

const NOTE = new Set(['PRUNED', 'COMPLETED', 'SKIPPED', 'CANCELLED']);

function modelCard({ card, trial }) {
  if (!trial?.hasModel) return placeholder('The model card comes with the trained model.', 'model-card-none');
  if (!card) return placeholder('Loading model card…', 'model-card-loading');
  if (card.error) return h('p', { class: 'error' }, card.error);
  const rows = [
    ['Task', card.task], ['Data', `${card.kind ?? ''} ${card.inputShape ? `[${card.inputShape.join('×')}]` : ''}`.trim()],
    ['Dataset', card.datasetId], ['Classes', card.classes?.join(', ')], ['Epochs', card.epochs],
    ['Objective', card.objectiveMetric ? `${card.objectiveMetric} = ${fmtObjective(card.objective)}` : null],
    ['Layers', card.model?.layers?.map((l) => l.type).join(' → ')],
    ['Framework', card.framework ? Object.entries(card.framework).map(([k, v]) => `${k} ${v}`).join(', ') : null],
    ['Created', fmtDate(card.createdAt)],
  ].filter(([, v]) => v != null && v !== '');
  return [
    h('dl', { class: 'facts' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    h('details', {}, h('summary', {}, 'Full model card (modelcard.json)'), h('pre', { class: 'json' }, JSON.stringify(card, null, 2))),
  ];
}
