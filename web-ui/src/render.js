// Small DOM and formatting helpers shared by the pages. Pages handle clicks through data-action
// attributes, so a re-render never has to re-wire listeners.

const ACTIVE = new Set(['PENDING', 'RUNNING']);
export const isActive = (study) => ACTIVE.has(study?.status);

const ACTIVE_TRIAL = new Set(['QUEUED', 'RUNNING']);
export const isTrialActive = (trial) => ACTIVE_TRIAL.has(trial?.status);

// Children are appended as nodes or text, never parsed as HTML, so names and error messages
// coming from the API cannot inject markup.
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

export function fmtParam(v) {
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Number(v.toPrecision(4)));
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v === undefined || v === null ? '' : String(v);
}

export const fmtCount = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '—');

export function fmtDuration(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export const fmtDate = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

export const arrow = (direction) => (String(direction).toLowerCase() === 'minimize' ? '↓' : '↑');

export const badge = (status) =>
  h('span', { class: `badge status-${String(status).toLowerCase()}`, 'data-testid': 'status-badge' }, status);

export const placeholder = (text, testid) => h('p', { class: 'muted placeholder', 'data-testid': testid }, text);

export function algorithmText(algorithm = {}) {
  const { name, ...rest } = algorithm;
  const extra = Object.entries(rest).map(([k, v]) => `${k} ${fmtParam(v)}`).join(', ');
  return extra ? `${name} (${extra})` : String(name ?? '—');
}

/** Done, running and the rest of the budget in one bar, with the counts spelled out beside it. */
export function progressBar(p = {}, { compact = false } = {}) {
  const total = p.total || 0;
  const pct = (n) => (total ? Math.min(100, (100 * (n || 0)) / total) : 0);
  const completed = pct(p.completed);
  const pruned = Math.min(pct(p.pruned), 100 - completed);
  const failed = Math.min(pct((p.failed || 0) + (p.skipped || 0) + (p.cancelled || 0)), 100 - completed - pruned);
  const running = Math.min(pct(p.running), 100 - completed - pruned - failed);
  const parts = [`${p.done ?? 0} / ${total} done`];
  if (p.running) parts.push(`${p.running} running`);
  if (!compact && p.queued) parts.push(`${p.queued} queued`);
  if (p.pruned) parts.push(`${p.pruned} pruned`);
  if (!compact && p.skipped) parts.push(`${p.skipped} skipped`);
  if (p.failed) parts.push(`${p.failed} failed`);
  return h('div', { class: `progress${compact ? ' compact' : ''}`, 'data-testid': 'study-progress-bar' },
    h('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': p.done ?? 0 },
      h('span', { class: 'bar-done', style: `width:${completed}%` }),
      h('span', { class: 'bar-pruned', style: `width:${pruned}%` }),
      h('span', { class: 'bar-failed', style: `width:${failed}%` }),
      h('span', { class: 'bar-running', style: `width:${running}%` })),
    h('span', { class: 'progress-text', 'data-testid': 'study-progress' }, parts.join(' · ')));
}

/** Replaces an element's children only when the inputs changed, so focus and selection survive. */
const renderedKeys = new WeakMap();
export function renderInto(el, key, build) {
  if (renderedKeys.get(el) === key) return;
  renderedKeys.set(el, key);
  el.replaceChildren(...[build()].flat(Infinity).filter(Boolean));
}
