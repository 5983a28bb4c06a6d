// Who is signed in, and which of their projects the pages work in. The server decides what each
// request may do; this only shapes the pages (a viewer is not offered buttons the server would
// refuse with 403).

import { getMe } from './access/api.js';

const ROLES = ['viewer', 'editor', 'admin'];
const listeners = new Set();
let me = null;
let project = null;

// Per user, so that two people taking turns in one browser each come back to their own project.
const storageKey = (user) => `tunelab.project.${user}`;

/** Re-reads GET /api/v1/me; resolves with it, or rejects with the ApiError (401 when signed out). */
export async function loadSession() {
  me = await getMe();
  const ids = me.projects.map((p) => p.id);
  let stored = null;
  try {
    stored = localStorage.getItem(storageKey(me.user));
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  const fallback = ids.includes('default') ? 'default' : ids[0] ?? null;
  project = ids.includes(project) ? project : ids.includes(stored) ? stored : fallback;
  changed();
  return me;
}

export function clearSession() {
  me = null;
  project = null;
  changed();
}

export const session = () => me;

/** The project the pages work in (an id), or null when the user has none. */
export const currentProject = () => project;

export function setProject(id) {
  if (!me || id === project || !me.projects.some((p) => p.id === id)) return;
  project = id;
  try {
    localStorage.setItem(storageKey(me.user), id);
  } catch {
    // See loadSession.
  }
  changed();
}

/** The caller's role in `projectId` (the current project when null): 'viewer' | 'editor' | 'admin' | null. */
export function roleIn(projectId = null) {
  const id = projectId ?? project;
  return me?.projects.find((p) => p.id === id)?.role ?? null;
}

const atLeast = (role, wanted) => ROLES.indexOf(role) >= ROLES.indexOf(wanted);

/** Whether the caller may upload, submit and cancel in the project (editor or admin). */
export const canWrite = (projectId = null) => atLeast(roleIn(projectId), 'editor');

/** Whether the caller manages the project's members, tokens and audit log. */
export const isAdmin = (projectId = null) => roleIn(projectId) === 'admin';

export function onSessionChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function changed() {
  listeners.forEach((fn) => fn(me, project));
}
