import './style.css';
import { onLiveStatus } from './live.js';
import { mountStudies } from './pages/studies.js';
import { mountStudy } from './pages/study.js';

// Routes: #/ studies, #/new the study form, #/study/<id>[/trial/<n>] a study and an open trial.
// The old #study=<id> links keep working.
function parseRoute(hash) {
  const legacy = new URLSearchParams(hash.replace(/^#/, '')).get('study');
  if (legacy) return { page: 'study', id: legacy, trial: null };
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { page: 'new' };
  if (parts[0] === 'study' && parts[1]) {
    const trial = parts[2] === 'trial' && /^\d+$/.test(parts[3] ?? '') ? Number(parts[3]) : null;
    return { page: 'study', id: parts[1], trial };
  }
  return { page: 'studies' };
}

const app = document.getElementById('app');
const banner = document.getElementById('error-banner');
const liveEl = document.getElementById('live-status');
let current = null;
let currentKey = null;

function setError(message) {
  banner.hidden = !message;
  banner.textContent = message || '';
}

const navigate = (hash) => {
  if (location.hash === hash) route();
  else location.hash = hash;
};

async function route() {
  const r = parseRoute(location.hash);
  const key = r.page === 'study' ? `study:${r.id}` : r.page;
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === r.page));
  // Opening or closing a trial keeps the study page (and its charts) as they are.
  if (key === currentKey && current?.route) {
    current.route(r);
    return;
  }
  current?.destroy();
  current = null;
  currentKey = key;
  setError(null);
  const container = document.createElement('div');
  container.className = `page page-${r.page}`;
  app.replaceChildren(container);
  if (r.page === 'study') {
    current = mountStudy(container, { id: r.id, trial: r.trial, navigate, setError });
  } else if (r.page === 'new') {
    // The editor and its JSON tooling are only needed here, so they load with this page.
    const { mountNewStudy } = await import('./newStudy.js');
    if (currentKey !== key) return;
    current = mountNewStudy(container, { onCreated: (study) => navigate(`#/study/${encodeURIComponent(study.id)}`) });
  } else {
    current = mountStudies(container, { navigate, setError });
  }
}

onLiveStatus((status) => {
  liveEl.dataset.status = status;
  liveEl.hidden = status === 'idle';
  liveEl.textContent = status === 'live' ? 'live' : status === 'reconnecting' ? 'reconnecting…' : 'connecting…';
});

window.addEventListener('hashchange', route);
route();
