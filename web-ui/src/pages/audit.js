// A project's audit log for its admins: who did what, newest first.

import { listAudit } from '../access/api.js';
import { fmtDate, h, placeholder, renderInto } from '../render.js';
import { isAdmin } from '../session.js';

const LIMITS = [100, 500, 1000];

const detailText = (d) => (d == null ? '' : typeof d === 'object' ? JSON.stringify(d) : String(d));

export function mountAudit(container, { project, setError }) {
  if (!isAdmin(project)) {
    container.replaceChildren(placeholder(`Only admins of ${project} see its audit log.`, 'audit-forbidden'));
    return { destroy() {} };
  }
  const state = { entries: null, limit: LIMITS[0] };
  const limit = h('select', { 'data-testid': 'audit-limit', 'aria-label': 'Entries' },
    LIMITS.map((n) => h('option', { value: n }, `last ${n}`)));
  const reload = h('button', { type: 'button', 'data-testid': 'audit-reload' }, 'Reload');
  const table = h('div', { class: 'table-wrap' });
  container.replaceChildren(
    h('div', { class: 'page-header' }, h('h2', {}, 'Audit log of ', h('code', {}, project)), h('div', { class: 'toolbar' }, limit, reload)),
    h('section', { class: 'card' }, table));

  const render = () => renderInto(table, JSON.stringify(state.entries), () => {
    if (!state.entries) return placeholder('Loading…', 'audit-loading');
    if (!state.entries.length) return placeholder('Nothing recorded yet.', 'audit-empty');
    return h('table', { class: 'grid audit', 'data-testid': 'audit-table' },
      h('thead', {}, h('tr', {}, ['When', 'User', 'Action', 'Target', 'Detail'].map((x) => h('th', {}, x)))),
      h('tbody', {}, state.entries.map((e) => h('tr', { 'data-testid': 'audit-row' },
        h('td', { class: 'small' }, fmtDate(e.at)),
        h('td', {}, e.user ?? '—'),
        h('td', { class: 'mono' }, e.action),
        h('td', { class: 'mono' }, e.target ?? ''),
        h('td', { class: 'small detail' }, detailText(e.detail))))));
  });

  const load = async () => {
    try {
      state.entries = await listAudit(project, state.limit);
      setError(null);
    } catch (e) {
      setError(`Could not load the audit log: ${e.message}`);
    }
    render();
  };

  limit.addEventListener('change', () => {
    state.limit = Number(limit.value);
    load();
  });
  reload.addEventListener('click', load);
  render();
  load();
  return { destroy() {} };
}
