// The REST calls of sign-in, projects, members, tokens and the audit log (issue 15).

import { request } from '../api.js';

const json = (method, body) => ({
  method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});
const enc = encodeURIComponent;
const projectPath = (p) => `/api/v1/projects/${enc(p)}`;

/** `{user, siteAdmin, authMode, projects: [{id, name, role}]}`; a 401 when nobody is signed in. */
export const getMe = () => request('/api/v1/me');

// A wrong token is the sign-in page's own answer to show, not a reason to go to the sign-in page.
export const signIn = (token) => request('/api/v1/session', { ...json('POST', { token }), quiet401: true });

export const signOut = () => request('/api/v1/session', { method: 'DELETE', quiet401: true });

export const createProject = (id, name) => request('/api/v1/projects', json('POST', { id, name }));

export const listMembers = (p) => request(`${projectPath(p)}/members`);

export const putMember = (p, user, role) => request(`${projectPath(p)}/members/${enc(user)}`, json('PUT', { role }));

export const removeMember = (p, user) => request(`${projectPath(p)}/members/${enc(user)}`, { method: 'DELETE' });

export const listProjectTokens = (p) => request(`${projectPath(p)}/tokens`);

/** `{user, name, expiresInDays}` → the token with its secret `token`, which is never shown again. */
export const createProjectToken = (p, body) => request(`${projectPath(p)}/tokens`, json('POST', body));

export const revokeProjectToken = (p, id) => request(`${projectPath(p)}/tokens/${enc(id)}`, { method: 'DELETE' });

export const listMyTokens = () => request('/api/v1/me/tokens');

export const createMyToken = (body) => request('/api/v1/me/tokens', json('POST', body));

export const revokeMyToken = (id) => request(`/api/v1/me/tokens/${enc(id)}`, { method: 'DELETE' });

export const listAudit = (p, limit = 100) => request(`${projectPath(p)}/audit?limit=${enc(limit)}`);
