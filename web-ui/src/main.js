import './style.css';
import './access/access.css';
import { mountAccessHeader } from './access/header.js';
import { onUnauthorized } from './api.js';
import { onLiveStatus } from './live.js';
import { mountAudit } from './pages/audit.js';
import { mountMembers } from './pages/members.js';
import { mountSignIn } from './pages/signin.js';
import { mountStudies } from './pages/studies.js';
import { mountStudy } from './pages/study.js';
import { mountMyTokens, mountProjectTokens } from './pages/tokens.js';
import { placeholder } from './render.js';
import {
  canWrite, clearSession, currentProject, loadSession, onSessionChange, roleIn, session, setProject,
} from './session.js';

const PROJECT_PAGES = { members: mountMembers, tokens: mountProjectTokens, audit: mountAudit };

// Routes: #/ studies, #/new the study form, #/study/<id>[/trial/<n>] a study and an open trial,
// #/project/<id>/(members|tokens|audit), #/me/tokens, #/signin[?next=<hash>&error=1].
// The old #study=<id> links keep working.
function parseRoute(hash) {
  const legacy = new URLSearchParams(hash.replace(/^#/, '')).get('study');
  if (legacy) return { page: 'study', id: legacy, trial: null };
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'signin') {
    const params = new URLSearchParams(search);
    return { page: 'signin', next: params.get('next'), error: params.has('error') };
  }
  if (parts[0] === 'new') return { page: 'new' };
  if (parts[0] === 'study' && parts[1]) {
    const trial = parts[2] === 'trial' && /^\d+$/.test(parts[3] ?? '') ? Number(parts[3]) : null;
    return { page: 'study', id: parts[1], trial };
  }
  if (parts[0] === 'project' && parts[1] && PROJECT_PAGES[parts[2]]) return { page: parts[2], project: parts[1] };
  if (parts[0] === 'me' && parts[1] === 'tokens') return { page: 'my-tokens' };
  return { page: 'studies' };
}

const app = document.getElementById('app');
const banner = document.getElementById('error-banner');
const liveEl = document.getElementById('live-status');
const nav = document.getElementById('nav');
const navNew = document.querySelector('[data-nav=new]');
let current = null;
let currentKey = null;
let renderedHash = null;
let switching = false;

function setError(message) {
  banner.hidden = !message;
  banner.textContent = message || '';
}

const navigate = (hash) => {
  if (location.hash === hash) route({ force: true });
  else location.hash = hash;
};

/** Any 401: the session is gone (signed out elsewhere, token revoked or expired). */
function toSignIn() {
  if (parseRoute(location.hash).page === 'signin') return;
  clearSession();
  location.hash = `#/signin?next=${encodeURIComponent(location.hash || '#/')}`;
}

function markNav(page) {
  nav.hidden = !session();
  navNew.hidden = !canWrite();
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === page));
}

/** Mounts route `r`'s page into `container`; resolves with it (`{destroy, route?}`) or null. */
async function mount(r, container) {
  const project = currentProject();
  if (r.page === 'signin') {
    return mountSignIn(container, {
      linkFailed: r.error,
      onSignedIn: async () => {
        await loadSession().catch((e) => setError(`Signed in, but could not read the session: ${e.message}`));
        // Only a hash of this page: a `next` pointing elsewhere would make sign-in an open redirect.
        navigate(r.next?.startsWith('#/') && !r.next.startsWith('#/signin') ? r.next : '#/');
      },
    });
  }
  if (r.page === 'study') return mountStudy(container, { id: r.id, trial: r.trial, navigate, setError });
  if (r.page === 'my-tokens') return mountMyTokens(container, { setError });
  if (PROJECT_PAGES[r.page]) {
    if (!roleIn(r.project)) {
      container.replaceChildren(placeholder(`You are not a member of project ${r.project}.`, 'project-not-found'));
      return null;
    }
    return PROJECT_PAGES[r.page](container, { project: r.project, setError });
  }
  if (r.page === 'new') {
    if (!canWrite(project)) {
      container.replaceChildren(placeholder(
        `You are a ${roleIn(project) ?? 'non-member'} in project ${project ?? '—'}; creating studies needs the editor role.`,
        'new-study-forbidden'));
      return null;
    }
    // The editor and its JSON tooling are only needed here, so they load with this page.
    const { mountNewStudy } = await import('./newStudy.js');
    if (!container.isConnected) return null;
    return mountNewStudy(container, {
      project,
      onCreated: (study) => navigate(`#/study/${encodeURIComponent(study.id)}`),
    });
  }
  return mountStudies(container, { navigate, setError, project });
}

async function route({ force = false } = {}) {
  if (!force && location.hash === renderedHash) return;
  renderedHash = location.hash;
  const r = parseRoute(location.hash);
  if (r.page !== 'signin' && !session()) {
    toSignIn();
    return;
  }
  // A link to another of the user's projects makes it the current one.
  if (r.project && roleIn(r.project) && r.project !== currentProject()) {
    switching = true;
    setProject(r.project);
    switching = false;
  }
  const key = r.page === 'study' ? `study:${r.id}` : r.page;
  markNav(r.page);
  // Opening or closing a trial keeps the study page (and its charts) as they are.
  if (!force && key === currentKey && current?.route) {
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
  const page = await mount(r, container);
  // Another route may have replaced this page while it loaded.
  if (container.isConnected) current = page;
  else page?.destroy();
}

/** The pages that show one project's things follow the switcher (and a change of one's role there). */
let scope = null;
function onScopeChange() {
  const r = parseRoute(location.hash);
  // The header has just been redrawn: mark its links again.
  markNav(r.page);
  const next = JSON.stringify([session()?.user, currentProject(), roleIn()]);
  if (next === scope) return;
  scope = next;
  if (switching || !session() || r.page === 'signin' || r.page === 'my-tokens' || renderedHash === null) return;
  if (r.project) {
    const target = `#/project/${encodeURIComponent(currentProject())}/${r.page}`;
    navigate(target);
  } else if (r.page === 'study') {
    navigate('#/');
  } else {
    route({ force: true });
  }
}

onLiveStatus((status) => {
  liveEl.dataset.status = status;
  liveEl.hidden = status === 'idle';
  liveEl.textContent = status === 'live' ? 'live' : status === 'reconnecting' ? 'reconnecting…' : 'connecting…';
});

async function start() {
  onUnauthorized(toSignIn);
  window.addEventListener('hashchange', () => route());
  mountAccessHeader(document.getElementById('access'), document.getElementById('project-nav'), {
    setError,
    onSignedOut: () => {
      clearSession();
      navigate('#/signin');
    },
  });
  onSessionChange(onScopeChange);
  try {
    await loadSession();
  } catch (e) {
    // A 401 has already sent the page to the sign-in form.
    if (e.status !== 401) setError(`Could not read who is signed in: ${e.message}`);
  }
  route();
}

start();
