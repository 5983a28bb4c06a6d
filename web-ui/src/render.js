// DOM builders. They only turn data into nodes; clicks are handled in main.js
// through data-action attributes so a re-render never has to re-wire listeners.

import { bestModelUrl, trialModelUrl } from './api.js';

const ACTIVE = new Set(['PENDING', 'RUNNING']);
export const isActive = (study) => ACTIVE.has(study?.status);

// Children are appended as nodes or text, never parsed as HTML, so names and
// error messages coming from the API cannot inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export const fmtObjective = (v) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(4) : '—');

function fmtParam(v) {
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Number(v.toPrecision(4)));
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v === undefined ? '' : String(v);
}

const arrow = (direction) => (String(direction).toLowerCase() === 'minimize' ? '↓' : '↑');

export const badge = (status) =>
  h('span', { class: `badge status-${String(status).toLowerCase()}`, 'data-testid': 'status-badge' }, status);

export function studyListItems(studies, selectedId) {
  return studies.map((s) => {
    const p = s.progress || {};
    const selected = s.id === selectedId;
    return h('li', { 'data-testid': 'study-row', 'data-study-id': s.id, class: selected ? 'selected' : null },
      h('a', { href: `#study=${encodeURIComponent(s.id)}`, 'aria-current': selected ? 'true' : null },
        h('span', { class: 'study-name', 'data-testid': 'study-name' }, s.name || s.id),
        badge(s.status),
        h('span', { class: 'study-meta' },
          h('span', { 'data-testid': 'study-progress' }, `${p.done ?? 0}/${p.total ?? 0}`),
          h('span', { 'data-testid': 'study-best' }, `best ${fmtObjective(s.best?.objective)}`))));
  });
}

export const placeholder = (text, testid) => h('p', { class: 'muted placeholder', 'data-testid': testid }, text);

function algorithmText(algorithm = {}) {
  const { name, ...rest } = algorithm;
  const extra = Object.entries(rest).map(([k, v]) => `${k} ${fmtParam(v)}`).join(', ');
  return extra ? `${name} (${extra})` : String(name ?? '—');
}

function progressBar(p = {}) {
  const total = p.total || 0;
  const pct = (n) => (total ? Math.min(100, (100 * (n || 0)) / total) : 0);
  const done = pct(p.done);
  const running = Math.min(pct(p.running), 100 - done);
  const parts = [`${p.done ?? 0} / ${total} done`];
  if (p.running) parts.push(`${p.running} running`);
  if (p.queued) parts.push(`${p.queued} queued`);
  if (p.pruned) parts.push(`${p.pruned} pruned`);
  if (p.skipped) parts.push(`${p.skipped} skipped`);
  if (p.failed) parts.push(`${p.failed} failed`);
  return h('div', { class: 'progress', 'data-testid': 'study-progress-bar' },
    h('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': p.done ?? 0 },
      h('span', { class: 'bar-done', style: `width:${done}%` }),
      h('span', { class: 'bar-running', style: `width:${running}%` })),
    h('span', { class: 'progress-text' }, parts.join(' · ')));
}

const fmtCount = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '—');

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
    ['Status', badge(study.status)],
    ['Dataset', study.dataset ?? '—'],
    ['Algorithm', algorithmText(study.algorithm)],
    ['Pruner', study.pruner ? algorithmText(study.pruner) : 'none'],
    ['Objective', `${obj.metric ?? '—'} ${arrow(obj.direction)} ${obj.direction ?? ''}`.trim()],
    ['Best', study.best
      ? h('span', { 'data-testid': 'study-best-objective' }, `${fmtObjective(study.best.objective)} (trial #${study.best.number})`)
      : h('span', { 'data-testid': 'study-best-objective' }, '—')],
    ['Network size', architectureText(study.architecture)],
    ['Test split', testText(study.test)],
    ['Created', study.createdAt ? new Date(study.createdAt).toLocaleString() : '—'],
  ].filter(([, v]) => v != null);
  return h('dl', { class: 'summary', 'data-testid': 'study-summary' },
    rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

function actions(study, cancelling) {
  const hasBest = study.best != null;
  return h('div', { class: 'actions' },
    // Kept in the DOM without href when there is no best trial, so tests and
    // layout see a stable element that simply cannot be followed.
    h('a', {
      class: 'button', 'data-testid': 'best-model-link', id: 'best-model-link',
      href: hasBest ? bestModelUrl(study.id) : null, download: hasBest,
      'aria-disabled': hasBest ? null : 'true',
      title: hasBest ? null : 'No completed trial yet',
    }, 'Download best model'),
    isActive(study) && h('button', {
      type: 'button', class: 'danger', 'data-action': 'cancel', 'data-testid': 'cancel-button', id: 'cancel-button',
      disabled: cancelling,
    }, cancelling ? 'Cancelling…' : 'Cancel'));
}

function objectiveCell(trial, metric) {
  if (trial.objective != null) return fmtObjective(trial.objective);
  // A running trial has no objective yet; its latest epoch's value shows where it is heading.
  const latest = trial.metrics?.[metric];
  if (typeof latest === 'number') return h('span', { class: 'muted', title: 'latest epoch, not final' }, `(${fmtObjective(latest)})`);
  return '—';
}

function metricsTitle(metrics = {}) {
  const text = Object.entries(metrics).map(([k, v]) => `${k}=${fmtParam(v)}`).join(', ');
  return text || null;
}

function leaderboard(study, trials) {
  const items = trials.items || [];
  if (!items.length) return placeholder('No trials yet.', 'trials-empty');
  const paramNames = [...new Set(items.flatMap((t) => Object.keys(t.params || {})))];
  const metric = study.objective?.metric;
  const offset = (trials.page || 0) * (trials.size || items.length);
  const head = h('tr', {},
    h('th', { class: 'num' }, 'Rank'), h('th', { class: 'num' }, 'Trial'), h('th', {}, 'Status'),
    paramNames.map((n) => h('th', { 'data-param': n }, n)),
    h('th', { class: 'num' }, `${metric ?? 'objective'} ${arrow(study.objective?.direction)}`),
    h('th', { class: 'num' }, 'Epochs'), h('th', { class: 'num' }, 'Parameters'), h('th', {}, 'Model'));
  const rows = items.map((t, i) => h('tr', { 'data-testid': 'trial-row', 'data-trial-number': t.number, title: metricsTitle(t.metrics) },
    // Items are ranked server-side with objective-less trials last, so only scored ones get a rank.
    h('td', { class: 'num', 'data-testid': 'trial-rank' }, t.objective != null ? offset + i + 1 : '—'),
    h('td', { class: 'num', 'data-testid': 'trial-number' }, `#${t.number}`),
    // A pruned trial, or one that finished before its stop arrived, carries a reason, not an error.
    h('td', {}, badge(t.status), t.error && (t.status === 'PRUNED' || t.status === 'COMPLETED' || t.status === 'SKIPPED'
      ? h('span', { class: 'info-mark', title: t.error, 'data-testid': 'trial-note' }, 'i')
      : h('span', { class: 'error-mark', title: t.error, 'data-testid': 'trial-error' }, ' ⚠'))),
    paramNames.map((n) => h('td', { 'data-param': n }, fmtParam(t.params?.[n]))),
    h('td', { class: 'num', 'data-testid': 'trial-objective' }, objectiveCell(t, metric)),
    h('td', { class: 'num' }, t.epochsDone ?? 0),
    h('td', { class: 'num', 'data-testid': 'trial-params' }, t.paramCount != null ? fmtCount(t.paramCount) : '—'),
    h('td', {}, t.hasModel
      ? h('a', { href: trialModelUrl(study.id, t.number), download: true, 'data-testid': 'trial-model-link' }, 'download')
      : '')));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'leaderboard', 'data-testid': 'leaderboard' }, h('thead', {}, head), h('tbody', {}, rows)));
}

function pager(trials) {
  const { page = 0, size = 0, total = 0 } = trials;
  if (!size || total <= size) return null;
  const last = Math.ceil(total / size) - 1;
  const from = page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return h('nav', { class: 'pager', 'data-testid': 'pager', 'aria-label': 'Trial pages' },
    h('button', { type: 'button', 'data-action': 'page', 'data-page': page - 1, 'data-testid': 'pager-prev', disabled: page <= 0 }, '‹ Prev'),
    h('span', { 'data-testid': 'pager-info' }, `${from}–${to} of ${total}`),
    h('button', { type: 'button', 'data-action': 'page', 'data-page': page + 1, 'data-testid': 'pager-next', disabled: page >= last }, 'Next ›'));
}

export function studyDetail(study, trials, { cancelling = false } = {}) {
  return [
    h('div', { class: 'detail-header' },
      h('h2', { 'data-testid': 'detail-name' }, study.name || study.id),
      actions(study, cancelling)),
    summary(study),
    progressBar(study.progress),
    h('h3', {}, 'Leaderboard'),
    trials ? [leaderboard(study, trials), pager(trials)] : placeholder('Loading trials…', 'trials-loading'),
  ].flat().filter(Boolean);
}
