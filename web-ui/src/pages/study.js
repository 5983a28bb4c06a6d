// The study page: summary and progress, the live leaderboard, the charts and the open trial.
// The leaderboard renders first from one small page of the server's board; the charts module and
// its data load afterwards, so a 10,000-trial study is usable before any chart is drawn.

import {
  bestModelUrl, cancelStudy, eventsUrl, getAnalysis, getCurves, getStudy, listTrials,
} from '../api.js';
import { leaderboardTable, leaderboardToolbar, pager, defaultOrder } from '../leaderboard.js';
import { follow, throttle } from '../live.js';
import {
  algorithmText, arrow, badge, fmtCount, fmtDate, fmtObjective, h, isActive, placeholder, progressBar, renderInto,
} from '../render.js';
import { canWrite } from '../session.js';
import { createTrialPanel } from '../trialPanel.js';

const TABS = [
  { key: 'history', label: 'Optimization history', data: 'analysis', draw: 'historyChart' },
  { key: 'curves', label: 'Intermediate values', data: 'curves', draw: 'intermediateChart' },
  { key: 'parallel', label: 'Parallel coordinates', data: 'analysis', draw: 'parallelChart' },
  { key: 'importance', label: 'Parameter importance', data: 'analysis', draw: 'importanceChart', pick: (a) => a.importance },
  { key: 'slices', label: 'Slices', data: 'analysis', draw: 'sliceCharts' },
];

export function mountStudy(container, { id, trial, navigate, setError }) {
  const state = {
    study: null, notFound: false, page: null, cancelling: false, destroyed: false,
    view: { sort: 'rank', order: 'asc', status: '', page: 0, size: 50, openTrial: trial ?? null },
    tab: 'history', analysis: null, curves: null, chart: null, chartTab: null,
  };
  const headerEl = h('div', { class: 'detail-header' });
  const summaryEl = h('div');
  const toolbarEl = h('div');
  const boardEl = h('div', { 'data-testid': 'leaderboard-region' });
  const pagerEl = h('div');
  const tabsEl = h('div', { class: 'tabs', role: 'tablist' });
  const chartEl = h('div', { class: 'chart-host' });
  const panelHost = h('div', { class: 'panel-host' });
  container.replaceChildren(
    h('p', { class: 'crumbs' }, h('a', { href: '#/', 'data-testid': 'back-to-studies' }, '← Studies')),
    headerEl, summaryEl,
    h('section', { class: 'card' }, h('div', { class: 'section-title' }, h('h3', {}, 'Leaderboard'), toolbarEl), boardEl, pagerEl),
    h('section', { class: 'card' }, h('div', { class: 'section-title' }, h('h3', {}, 'Charts'), tabsEl), chartEl),
    panelHost);
  const cards = container.querySelectorAll(':scope > .card');
  let panel = null;
  // Viewers are not offered Cancel; until the study (and so its project) is known, nobody is.
  const mayWrite = () => Boolean(state.study) && canWrite(state.study.project ?? null);

  const render = () => {
    const { study, notFound, page, view } = state;
    if (notFound) {
      renderInto(headerEl, 'missing', () => placeholder(`Study ${id} not found.`, 'study-not-found'));
      cards.forEach((card) => { card.hidden = true; });
      return;
    }
    if (!study) {
      renderInto(headerEl, 'loading', () => placeholder('Loading study…', 'study-loading'));
      return;
    }
    const writable = mayWrite();
    renderInto(headerEl, JSON.stringify([study.name, study.status, study.best?.number, state.cancelling, writable]), () => [
      h('h2', { 'data-testid': 'detail-name' }, study.name || study.id, ' ', badge(study.status)),
      actions(study, state.cancelling, writable)]);
    renderInto(summaryEl, JSON.stringify(study), () => [summary(study), progressBar(study.progress)]);
    renderInto(toolbarEl, JSON.stringify([view.status, view.size]), () => leaderboardToolbar(view));
    // Durations of running trials tick, so the table is rebuilt when the page data changes only.
    renderInto(boardEl, JSON.stringify([page, view.openTrial, study.space, study.objective]), () =>
      (page ? leaderboardTable(study, page, view) : placeholder('Loading trials…', 'trials-loading')));
    renderInto(pagerEl, JSON.stringify(page && [page.page, page.size, page.total]), () => (page ? pager(page) : null));
    renderInto(tabsEl, state.tab, () => TABS.map((t) => h('button', {
      type: 'button', role: 'tab', class: `tab${t.key === state.tab ? ' active' : ''}`, 'aria-selected': String(t.key === state.tab),
      'data-action': 'tab', 'data-tab': t.key, 'data-testid': `tab-${t.key}`,
    }, t.label)));
  };

  const loadStudy = async () => {
    try {
      state.study = await getStudy(id);
      state.notFound = false;
      setError(null);
    } catch (e) {
      if (e.status === 404) {
        // Missing, or of a project the user is not in (the server answers both alike): its
        // stream is refused too, so stop retrying it.
        state.notFound = true;
        stopLive();
      }
      else setError(`Could not refresh the study: ${e.message}`);
    }
    if (!state.destroyed) render();
  };

  const loadPage = async () => {
    const { sort, order, status, page, size } = state.view;
    try {
      const result = await listTrials(id, { page, size, sort, order, status });
      // Trials may have moved off the last page (a filter changed under us): step back.
      if (!result.items.length && page > 0 && result.total > 0) {
        state.view.page = Math.max(0, Math.ceil(result.total / size) - 1);
        return loadPage();
      }
      state.page = result;
    } catch (e) {
      if (e.status !== 404) setError(`Could not load the leaderboard: ${e.message}`);
    }
    if (!state.destroyed) render();
  };

  const loadCharts = async () => {
    const tab = TABS.find((t) => t.key === state.tab);
    try {
      const [charts, data] = await Promise.all([
        import('../charts.js'),
        tab.data === 'curves' ? getCurves(id) : getAnalysis(id),
      ]);
      if (state.destroyed || state.tab !== tab.key) return;
      state[tab.data] = data;
      const input = tab.pick ? tab.pick(data) : data;
      if (state.chart && state.chartTab === tab.key) {
        state.chart.update(input);
      } else {
        state.chart?.dispose();
        chartEl.replaceChildren();
        const host = h('div', { class: 'chart', 'data-testid': `chart-host-${tab.key}` });
        chartEl.append(host);
        state.chart = charts[tab.draw](host, input);
        state.chartTab = tab.key;
      }
    } catch (e) {
      if (!state.destroyed) setError(`Could not draw the chart: ${e.message}`);
    }
  };

  const refreshBoard = throttle(() => { loadStudy(); loadPage(); }, 700);
  const refreshCharts = throttle(loadCharts, 2500);
  const refreshPanel = throttle(() => panel?.refresh(), 1000);

  const openPanel = (number) => {
    state.view.openTrial = number;
    if (panel && panel.number === number) return;
    panel?.destroy();
    panel = null;
    if (number == null) return;
    panel = createTrialPanel(id, number, {
      onClose: () => navigate(`#/study/${encodeURIComponent(id)}`), setError, canCancel: mayWrite,
    });
    panelHost.replaceChildren(panel.el);
  };

  container.addEventListener('click', async (event) => {
    const target = event.target.closest('[data-action]');
    if (!target || target.disabled || !container.contains(target)) return;
    const { action } = target.dataset;
    if (action === 'sort') {
      const sort = target.dataset.sort;
      const v = state.view;
      v.order = v.sort === sort ? (v.order === 'asc' ? 'desc' : 'asc') : defaultOrder(state.study, sort);
      v.sort = sort;
      v.page = 0;
      loadPage();
    } else if (action === 'page') {
      state.view.page = Math.max(0, Number(target.dataset.page) || 0);
      loadPage();
    } else if (action === 'open-trial') {
      if (event.target.closest('a')) return; // the download link
      navigate(`#/study/${encodeURIComponent(id)}/trial/${target.dataset.trialNumber}`);
    } else if (action === 'tab') {
      state.tab = target.dataset.tab;
      render();
      loadCharts();
    } else if (action === 'cancel') {
      state.cancelling = true;
      render();
      try {
        state.study = await cancelStudy(id);
      } catch (e) {
        setError(`Cancel failed: ${e.message}`);
      }
      state.cancelling = false;
      loadStudy();
      loadPage();
    }
  });
  container.addEventListener('change', (event) => {
    const target = event.target.closest('[data-action]');
    if (!target) return;
    if (target.dataset.action === 'status-filter') state.view.status = target.value;
    else if (target.dataset.action === 'page-size') state.view.size = Number(target.value);
    else return;
    state.view.page = 0;
    loadPage();
  });
  container.addEventListener('keydown', (event) => {
    const row = event.target.closest('[data-action="open-trial"]');
    if (row && event.key === 'Enter') navigate(`#/study/${encodeURIComponent(id)}/trial/${row.dataset.trialNumber}`);
  });
  chartEl.addEventListener('trial-click', (event) => navigate(`#/study/${encodeURIComponent(id)}/trial/${event.detail.number}`));

  // By study only: a study opened from a link may belong to another of the caller's projects.
  let stop = follow(eventsUrl({ study: id }), {
    onChange: (kind, change) => {
      refreshBoard();
      if (kind === 'trial') {
        refreshCharts();
        if (panel && change.number === panel.number) refreshPanel();
      }
    },
    onResync: () => {
      refreshBoard();
      refreshCharts();
      refreshPanel();
    },
  });

  function stopLive() {
    stop?.();
    stop = null;
  }

  render();
  Promise.all([loadStudy(), loadPage()]).then(() => {
    if (state.destroyed || state.notFound) return;
    // Charts after the table: the page is usable while ECharts and the analysis load.
    (window.requestIdleCallback || setTimeout)(loadCharts);
  });
  openPanel(state.view.openTrial);

  return {
    studyId: id,
    route: ({ trial: number }) => {
      openPanel(number ?? null);
      render();
    },
    destroy() {
      state.destroyed = true;
      stopLive();
      [refreshBoard, refreshCharts, refreshPanel].forEach((f) => f.cancel());
      state.chart?.dispose();
      panel?.destroy();
    },
  };
}

function actions(study, cancelling, writable) {
  const hasBest = study.best != null;
  return h('div', { class: 'actions' },
    h('a', {
      class: 'button primary', 'data-testid': 'best-model-link', id: 'best-model-link',
      href: hasBest ? bestModelUrl(study.id) : null, download: hasBest,
      'aria-disabled': hasBest ? null : 'true', title: hasBest ? `trial #${study.best.number}` : 'No completed trial yet',
    }, 'Download best model'),
    writable && isActive(study) && h('button', {
      type: 'button', class: 'danger', 'data-action': 'cancel', 'data-testid': 'cancel-button', id: 'cancel-button', disabled: cancelling,
    }, cancelling ? 'Cancelling…' : 'Cancel study'));
}

// The space's network sizes; "about" when they were estimated from a sample of points.
function architectureText(a) {
  if (!a || !a.pointsChecked || a.pointsInvalid === a.pointsChecked) return null;
  const range = a.minParams === a.maxParams ? fmtCount(a.minParams) : `${fmtCount(a.minParams)} – ${fmtCount(a.maxParams)}`;
  const invalid = a.pointsInvalid ? `, ${a.pointsInvalid} of ${a.pointsChecked} checked points invalid` : '';
  return h('span', { 'data-testid': 'study-param-range', title: a.invalidReason || null },
    `${a.exhaustive ? '' : 'about '}${range} parameters${invalid}`);
}

function testText(test) {
  if (!test) return null;
  const split = test.split?.dataset ? `dataset ${test.split.dataset}` : `${Math.round((test.split?.fraction || 0) * 100)}% held out`;
  if (test.status === 'done') {
    const shown = Object.entries(test.metrics || {}).map(([k, v]) => `${k} ${fmtObjective(v)}`).join(', ');
    return h('span', { 'data-testid': 'study-test' }, `trial #${test.trial}: ${shown} (${split})`);
  }
  if (test.status === 'failed') return h('span', { 'data-testid': 'study-test', class: 'error' }, `trial #${test.trial}: ${test.message}`);
  if (test.status === 'pending') return h('span', { 'data-testid': 'study-test', class: 'muted' }, `evaluating trial #${test.trial} (${split})`);
  return h('span', { 'data-testid': 'study-test', class: 'muted' }, `${split}; evaluated once the study ends`);
}

function summary(study) {
  const obj = study.objective || {};
  const rows = [
    ['Objective', `${obj.metric ?? '—'} ${arrow(obj.direction)} ${obj.direction ?? ''}`.trim()],
    ['Best', h('span', { 'data-testid': 'study-best-objective' },
      study.best ? `${fmtObjective(study.best.objective)} (trial #${study.best.number})` : '—')],
    ['Algorithm', algorithmText(study.algorithm)],
    ['Pruner', study.pruner ? algorithmText(study.pruner) : 'none'],
    ['Dataset', h('span', { title: `id ${study.dataset}` }, study.datasetName ?? study.dataset ?? '—')],
    ['Network size', architectureText(study.architecture)],
    ['Test split', testText(study.test)],
    ['Created', fmtDate(study.createdAt)],
    ['Message', study.message],
  ].filter(([, v]) => v != null);
  return h('dl', { class: 'summary', 'data-testid': 'study-summary' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}
