// The leaderboard table: one server page at a time, sorted and filtered by the server, so a study
// of 10,000 trials costs the browser 50 rows.

import { trialModelUrl } from './api.js';
import { arrow, badge, fmtCount, fmtDuration, fmtObjective, fmtParam, h, placeholder } from './render.js';

export const PAGE_SIZES = [25, 50, 100, 200];

const NOTE_STATUSES = new Set(['PRUNED', 'COMPLETED', 'SKIPPED', 'CANCELLED']);

export const paramNames = (study) => Object.keys(study.space || {});

/** The order a click on a column starts with: best first for the objective, else ascending. */
export function defaultOrder(study, sort) {
  if (sort === 'objective') return String(study.objective?.direction).toLowerCase() === 'minimize' ? 'asc' : 'desc';
  if (sort === 'duration' || sort === 'epochs' || sort === 'paramCount' || sort === 'number') return 'desc';
  return 'asc';
}

export function leaderboardToolbar(view) {
  const statuses = ['', 'COMPLETED', 'PRUNED', 'RUNNING', 'QUEUED', 'FAILED', 'SKIPPED', 'CANCELLED'];
  return h('div', { class: 'toolbar' },
    h('label', { class: 'inline' }, 'Status ',
      h('select', { 'data-action': 'status-filter', 'data-testid': 'trial-status-filter' },
        statuses.map((s) => h('option', { value: s, selected: s === view.status }, s || 'all')))),
    h('label', { class: 'inline' }, 'Rows ',
      h('select', { 'data-action': 'page-size', 'data-testid': 'page-size' },
        PAGE_SIZES.map((n) => h('option', { value: n, selected: n === view.size }, n)))));
}

export function leaderboardTable(study, page, view, now = Date.now()) {
  const items = page.items || [];
  if (!items.length) return placeholder(view.status ? `No ${view.status.toLowerCase()} trials.` : 'No trials yet.', 'trials-empty');
  const names = paramNames(study);
  const metric = study.objective?.metric ?? 'objective';
  const header = (label, sort, cls) => {
    const active = view.sort === sort;
    return h('th', { class: cls, 'aria-sort': active ? (view.order === 'desc' ? 'descending' : 'ascending') : null },
      h('button', { type: 'button', class: 'sort', 'data-action': 'sort', 'data-sort': sort, 'data-testid': `sort-${sort}` },
        label, active ? (view.order === 'desc' ? ' ▾' : ' ▴') : ''));
  };
  const head = h('tr', {},
    header('Rank', 'rank', 'num'), header('Trial', 'number', 'num'), header('Status', 'status'),
    names.map((n) => header(n, `param:${n}`, 'param')),
    header(`${metric} ${arrow(study.objective?.direction)}`, 'objective', 'num'),
    header('Epochs', 'epochs', 'num'), header('Duration', 'duration', 'num'), header('Worker', 'worker'),
    header('Parameters', 'paramCount', 'num'), h('th', {}, 'Model'));
  const rows = items.map((t) => h('tr', {
    class: `trial-row${view.openTrial === t.number ? ' selected' : ''}`, 'data-testid': 'trial-row', 'data-trial-number': t.number,
    'data-action': 'open-trial', tabindex: 0,
  },
  h('td', { class: 'num', 'data-testid': 'trial-rank' }, t.rank ?? '—'),
  h('td', { class: 'num', 'data-testid': 'trial-number' }, `#${t.number}`),
  h('td', {}, badge(t.status), t.error && (NOTE_STATUSES.has(t.status)
    ? h('span', { class: 'info-mark', title: t.error, 'data-testid': 'trial-note' }, 'i')
    : h('span', { class: 'error-mark', title: t.error, 'data-testid': 'trial-error' }, ' ⚠'))),
  names.map((n) => h('td', { class: 'param', 'data-param': n }, fmtParam(t.params?.[n]))),
  h('td', { class: 'num', 'data-testid': 'trial-objective' }, objectiveCell(t, study.objective?.metric)),
  h('td', { class: 'num' }, t.epochsDone ?? 0),
  h('td', { class: 'num' }, durationCell(t, now)),
  h('td', { class: 'small mono' }, t.worker ?? ''),
  h('td', { class: 'num', 'data-testid': 'trial-params' }, t.paramCount != null ? fmtCount(t.paramCount) : '—'),
  h('td', {}, t.hasModel
    ? h('a', { href: trialModelUrl(study.id, t.number), download: true, 'data-testid': 'trial-model-link' }, 'download')
    : '')));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'grid leaderboard', 'data-testid': 'leaderboard' }, h('thead', {}, head), h('tbody', {}, rows)));
}

function objectiveCell(trial, metric) {
  if (trial.objective != null) return fmtObjective(trial.objective);
  // A running trial has no objective yet; its latest epoch's value shows where it is heading.
  const latest = trial.metrics?.[metric];
  if (typeof latest === 'number') return h('span', { class: 'muted', title: 'latest epoch, not final' }, `(${fmtObjective(latest)})`);
  return '—';
}

function durationCell(trial, now) {
  if (trial.durationMs != null) return fmtDuration(trial.durationMs);
  if (trial.status === 'RUNNING' && trial.startedAt) {
    return h('span', { class: 'muted', title: 'running for' }, fmtDuration(now - Date.parse(trial.startedAt)));
  }
  return '—';
}

export function pager(page) {
  const { page: current = 0, size = 0, total = 0 } = page;
  if (!size || total <= size) return h('div', { class: 'pager muted small', 'data-testid': 'pager-info' }, `${fmtCount(total)} trials`);
  const last = Math.ceil(total / size) - 1;
  const from = current * size + 1;
  const to = Math.min(total, (current + 1) * size);
  const button = (label, target, testid, disabled) =>
    h('button', { type: 'button', 'data-action': 'page', 'data-page': target, 'data-testid': testid, disabled }, label);
  return h('nav', { class: 'pager', 'data-testid': 'pager', 'aria-label': 'Trial pages' },
    button('« First', 0, 'pager-first', current <= 0),
    button('‹ Prev', current - 1, 'pager-prev', current <= 0),
    h('span', { 'data-testid': 'pager-info' }, `${fmtCount(from)}–${fmtCount(to)} of ${fmtCount(total)} · page ${fmtCount(current + 1)} of ${fmtCount(last + 1)}`),
    button('Next ›', current + 1, 'pager-next', current >= last),
    button('Last »', last, 'pager-last', current >= last));
}
