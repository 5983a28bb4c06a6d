import './style.css';
import { listStudies, getStudy, listTrials, cancelStudy } from './api.js';
import { isActive, placeholder, studyDetail, studyListItems } from './render.js';

const PAGE_SIZE = 50;
const POLL_MS = 2000;
const MAX_RETRY_MS = 30000;

const $ = (id) => document.getElementById(id);
const els = {
  list: $('study-list'),
  loading: $('studies-loading'),
  empty: $('studies-empty'),
  detail: $('study-detail'),
  errors: $('error-banner'),
  poll: $('poll-indicator'),
  refresh: $('refresh-button'),
};

const state = {
  studies: null, // null until the first successful load
  selectedId: null,
  page: 0,
  study: null,
  trials: null,
  notFound: false,
  cancelling: false,
  refreshError: null,
  actionError: null,
};

let timer = null;
let generation = 0;
let retryMs = POLL_MS;
let skippedWhileHidden = false;
// Re-rendering unchanged data every 2 s would drop focus, hover and text selection,
// so each region only rebuilds when its serialized inputs actually change.
let listKey = '';
let detailKey = '';

const hashStudyId = () => new URLSearchParams(location.hash.slice(1)).get('study') || null;

function render() {
  renderList();
  renderDetail();
  renderErrors();
}

function renderList() {
  if (state.studies === null) return;
  const key = JSON.stringify([state.studies, state.selectedId]);
  if (key === listKey) return;
  listKey = key;
  els.loading.hidden = true;
  els.empty.hidden = state.studies.length > 0;
  els.list.replaceChildren(...studyListItems(state.studies, state.selectedId));
}

function renderDetail() {
  const { selectedId, study, trials, notFound, cancelling } = state;
  const key = JSON.stringify([selectedId, study, trials, notFound, cancelling, state.studies?.length]);
  if (key === detailKey) return;
  detailKey = key;
  let nodes;
  if (!selectedId) nodes = state.studies?.length ? [placeholder('Select a study to see its leaderboard.', 'no-selection')] : [];
  else if (notFound) nodes = [placeholder(`Study ${selectedId} not found.`, 'study-not-found')];
  else if (!study) nodes = [placeholder('Loading study…', 'study-loading')];
  else nodes = studyDetail(study, trials, { cancelling });
  els.detail.replaceChildren(...nodes);
}

function renderErrors() {
  const messages = [state.actionError, state.refreshError].filter(Boolean);
  els.errors.hidden = messages.length === 0;
  els.errors.textContent = messages.join(' — ');
}

async function refresh() {
  clearTimeout(timer);
  timer = null;
  const gen = ++generation;
  const { selectedId: id, page } = state;
  const [list, study, trials] = await Promise.allSettled([
    listStudies(),
    id ? getStudy(id) : null,
    id ? listTrials(id, page, PAGE_SIZE) : null,
  ]);
  // A newer refresh (e.g. the user picked another study meanwhile) owns the UI now.
  if (gen !== generation) return;

  const failures = [];
  if (list.status === 'fulfilled') state.studies = list.value;
  else failures.push(list.reason);
  if (id) {
    if (study.status === 'fulfilled') Object.assign(state, { study: study.value, notFound: false });
    else if (study.reason.status === 404) Object.assign(state, { study: null, notFound: true });
    else failures.push(study.reason);
    if (trials.status === 'fulfilled') state.trials = trials.value;
    else if (trials.reason.status !== 404) failures.push(trials.reason);
  }
  state.refreshError = failures.length ? `Could not refresh: ${failures[0].message}` : null;
  render();
  schedule(failures.length > 0);
}

function schedule(failed) {
  const active = (state.studies || []).some(isActive) || isActive(state.study);
  // After a failure we cannot tell whether anything is still running, so keep
  // retrying, backing off so an unreachable backend is not hammered.
  retryMs = failed ? Math.min(retryMs * 2, MAX_RETRY_MS) : POLL_MS;
  const delay = failed ? retryMs : active ? POLL_MS : null;
  els.poll.hidden = !active;
  if (delay !== null) timer = setTimeout(tick, delay);
}

function tick() {
  // Background tabs need no fresh numbers; catch up as soon as the tab is visible again.
  if (document.hidden) skippedWhileHidden = true;
  else refresh();
}

function selectFromHash() {
  const id = hashStudyId();
  if (id === state.selectedId) return;
  Object.assign(state, {
    selectedId: id,
    page: 0,
    // The list entry has the same shape as the single-study response, so show it right away.
    study: state.studies?.find((s) => s.id === id) ?? null,
    trials: null,
    notFound: false,
    cancelling: false,
    actionError: null,
  });
  render();
  refresh();
}

async function cancelSelected() {
  const id = state.selectedId;
  if (!id || state.cancelling) return;
  Object.assign(state, { cancelling: true, actionError: null });
  render();
  try {
    const study = await cancelStudy(id);
    if (state.selectedId === id) state.study = study;
  } catch (e) {
    state.actionError = `Cancel failed: ${e.message}`;
  } finally {
    state.cancelling = false;
  }
  render();
  refresh();
}

els.detail.addEventListener('click', (event) => {
  const target = event.target.closest('[data-action]');
  if (!target || target.disabled) return;
  if (target.dataset.action === 'cancel') cancelSelected();
  if (target.dataset.action === 'page') {
    state.page = Math.max(0, Number(target.dataset.page) || 0);
    refresh();
  }
});

els.refresh.addEventListener('click', () => {
  state.actionError = null;
  refresh();
});

window.addEventListener('hashchange', selectFromHash);

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && skippedWhileHidden) {
    skippedWhileHidden = false;
    refresh();
  }
});

state.selectedId = hashStudyId();
render();
refresh();
