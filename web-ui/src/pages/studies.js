// The studies page: the current project's studies with their progress, filtered and sorted in the
// browser (a project has tens of studies, not thousands), kept live by the project's change stream.

import { cancelStudy, eventsUrl, listStudies } from '../api.js';
import { follow, throttle } from '../live.js';
import { canWrite } from '../session.js';
import {
  algorithmText, arrow, badge, fmtDate, fmtObjective, h, isActive, placeholder, progressBar, renderInto,
} from '../render.js';

const COLUMNS = [
  { key: 'name', label: 'Name', value: (s) => (s.name || s.id).toLowerCase() },
  { key: 'status', label: 'Status', value: (s) => s.status },
  { key: 'progress', label: 'Progress', value: (s) => (s.progress?.total ? s.progress.done / s.progress.total : 0) },
  { key: 'best', label: 'Best', value: (s) => s.best?.objective ?? null },
  { key: 'algorithm', label: 'Algorithm', value: (s) => s.algorithm?.name ?? '' },
  { key: 'dataset', label: 'Dataset', value: (s) => (s.datasetName ?? s.dataset ?? '').toLowerCase() },
  { key: 'created', label: 'Created', value: (s) => s.createdAt ?? '' },
];

/** `project`: whose studies to list (all the caller's when null). */
export function mountStudies(container, { setError, project = null }) {
  const writable = canWrite(project);
  const state = { project, studies: null, filter: '', status: '', sort: 'created', desc: true, cancelling: new Set() };
  const table = h('div', { class: 'table-wrap', 'data-testid': 'studies-table-wrap' });
  const filter = h('input', { type: 'search', placeholder: 'Filter by name, dataset or algorithm', 'data-testid': 'studies-filter', class: 'filter' });
  const statusSelect = h('select', { 'data-testid': 'studies-status-filter' },
    h('option', { value: '' }, 'All statuses'),
    ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'].map((s) => h('option', { value: s }, s)));
  container.replaceChildren(
    h('div', { class: 'page-header' },
      h('h2', {}, 'Studies'),
      h('div', { class: 'toolbar' }, filter, statusSelect,
        writable && h('a', { class: 'button primary', href: '#/new', 'data-testid': 'new-study-link' }, 'New study'))),
    table);

  const render = () => {
    if (state.studies === null) return renderInto(table, 'loading', () => placeholder('Loading…', 'studies-loading'));
    const shown = visible(state);
    renderInto(table, JSON.stringify([shown, state.sort, state.desc, [...state.cancelling], state.studies.length]), () => {
      if (!state.studies.length) {
        return h('p', { class: 'empty', 'data-testid': 'studies-empty' }, 'No studies yet.',
          writable ? [' ', h('a', { href: '#/new' }, 'Create one'), ' or POST it to /api/v1/studies (see the README).'] : '');
      }
      if (!shown.length) return placeholder('No study matches the filter.', 'studies-none-match');
      return studiesTable(shown, state);
    });
  };

  const load = async () => {
    try {
      state.studies = await listStudies(project);
      setError(null);
    } catch (e) {
      setError(`Could not load the studies: ${e.message}`);
    }
    render();
  };
  const reload = throttle(load, 700);

  filter.addEventListener('input', () => {
    state.filter = filter.value.trim().toLowerCase();
    render();
  });
  statusSelect.addEventListener('change', () => {
    state.status = statusSelect.value;
    render();
  });
  table.addEventListener('click', async (event) => {
    const target = event.target.closest('[data-action]');
    if (!target || target.disabled) return;
    if (target.dataset.action === 'sort') {
      const key = target.dataset.key;
      state.desc = state.sort === key ? !state.desc : key === 'created' || key === 'best';
      state.sort = key;
      render();
    } else if (target.dataset.action === 'cancel') {
      const id = target.dataset.id;
      state.cancelling.add(id);
      render();
      try {
        await cancelStudy(id);
      } catch (e) {
        setError(`Cancel failed: ${e.message}`);
      }
      state.cancelling.delete(id);
      load();
    }
  });

  const stop = follow(eventsUrl({ project }), { onChange: reload, onResync: load });
  render();
  load();
  return { destroy: () => { stop(); reload.cancel(); } };
}

function visible(state) {
  const col = COLUMNS.find((c) => c.key === state.sort) ?? COLUMNS[6];
  return state.studies
    .filter((s) => !state.status || s.status === state.status)
    .filter((s) => !state.filter
      || [s.name, s.id, s.dataset, s.datasetName, s.algorithm?.name].some((v) => String(v ?? '').toLowerCase().includes(state.filter)))
    .sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (state.desc ? -1 : 1);
    });
}

function studiesTable(studies, state) {
  const head = h('tr', {}, COLUMNS.map((c) => h('th', { 'aria-sort': state.sort === c.key ? (state.desc ? 'descending' : 'ascending') : null },
    h('button', { type: 'button', class: 'sort', 'data-action': 'sort', 'data-key': c.key, 'data-testid': `studies-sort-${c.key}` },
      c.label, state.sort === c.key ? (state.desc ? ' ▾' : ' ▴') : ''))), h('th', {}, ''));
  const rows = studies.map((s) => h('tr', { 'data-testid': 'study-row', 'data-study-id': s.id },
    h('td', {}, h('a', { href: `#/study/${encodeURIComponent(s.id)}`, class: 'study-name', 'data-testid': 'study-name' }, s.name || s.id)),
    h('td', {}, badge(s.status)),
    h('td', { class: 'progress-cell' }, progressBar(s.progress, { compact: true })),
    h('td', { class: 'num', 'data-testid': 'study-best' },
      s.best ? `${fmtObjective(s.best.objective)} ${arrow(s.objective?.direction)}` : '—',
      h('div', { class: 'muted small' }, s.objective?.metric ?? '')),
    h('td', {}, algorithmText({ name: s.algorithm?.name }), s.pruner ? h('div', { class: 'muted small' }, `pruner ${s.pruner.name ?? ''}`) : null),
    h('td', { class: 'small', title: s.dataset }, s.datasetName ?? s.dataset ?? '—'),
    h('td', { class: 'small' }, fmtDate(s.createdAt)),
    h('td', {}, isActive(s) && canWrite(s.project ?? state.project) ? h('button', {
      type: 'button', class: 'danger small-button', 'data-action': 'cancel', 'data-id': s.id, 'data-testid': 'study-cancel',
      disabled: state.cancelling.has(s.id),
    }, state.cancelling.has(s.id) ? 'Cancelling…' : 'Cancel') : '')));
  return h('table', { class: 'grid studies', 'data-testid': 'study-list' }, h('thead', {}, head), h('tbody', {}, rows));
}
