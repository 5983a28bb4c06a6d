// Thin client for the TuneLab REST API (same origin, JSON).

const BASE = '/api/v1/studies';

export class ApiError extends Error {
  constructor(status, title, detail, errors = []) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

const studyPath = (id) => `${BASE}/${encodeURIComponent(id)}`;

let unauthorized = () => {};

/** `fn()` is called when the server answers 401: nobody is signed in, or the token was revoked or expired. */
export function onUnauthorized(fn) {
  unauthorized = fn;
}

/** Called by every request that got a 401, unless it asked for `quiet401` (the sign-in form's own call). */
export const reportUnauthorized = () => unauthorized();

/** Fetches JSON from the API; the session cookie goes along (same origin). 204 resolves with null. */
export async function request(path, { quiet401 = false, ...init } = {}) {
  let res;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (e) {
    // fetch only rejects on network failure; give it the same shape as HTTP errors.
    throw new ApiError(0, 'Network error', e.message);
  }
  if (res.status === 401 && !quiet401) reportUnauthorized();
  if (!res.ok) throw await toApiError(res);
  return res.status === 204 ? null : res.json();
}

export async function toApiError(res) {
  // Errors are meant to be problem+json, but a proxy or a crashed backend may answer with HTML.
  try {
    const problem = await res.json();
    return new ApiError(res.status, problem.title || res.statusText || `HTTP ${res.status}`, problem.detail, problem.errors || []);
  } catch {
    return new ApiError(res.status, res.statusText || `HTTP ${res.status}`);
  }
}

const query = (params) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();

const withQuery = (path, params) => {
  const q = query(params);
  return q ? `${path}?${q}` : path;
};

/** The studies of `project`, or of all the caller's projects when it is null. */
export const listStudies = (project) => request(withQuery(BASE, { project }));

export const getStudy = (id) => request(studyPath(id));

/** A leaderboard page: { items, page, size, total, sort, order }. */
export const listTrials = (id, { page = 0, size = 50, sort, order, status } = {}) =>
  request(`${studyPath(id)}/trials?${query({ page, size, sort, order, status })}`);

export const getTrial = (id, number) => request(`${studyPath(id)}/trials/${encodeURIComponent(number)}`);

export const getTrialMetrics = (id, number) => request(`${studyPath(id)}/trials/${encodeURIComponent(number)}/metrics`);

export const getModelCard = (id, number) => request(`${studyPath(id)}/trials/${encodeURIComponent(number)}/model-card`);

export const getAnalysis = (id) => request(`${studyPath(id)}/analysis`);

export const getCurves = (id, limit = 200) => request(`${studyPath(id)}/curves?${query({ limit })}`);

export const cancelStudy = (id) => request(`${studyPath(id)}/cancel`, { method: 'POST' });

export const cancelTrial = (id, number) =>
  request(`${studyPath(id)}/trials/${encodeURIComponent(number)}/cancel`, { method: 'POST' });

export const bestModelUrl = (id) => `${studyPath(id)}/best-model`;

export const trialModelUrl = (id, number) => `${studyPath(id)}/trials/${encodeURIComponent(number)}/model`;

/** The change stream of one project, one study, or (neither given) everything the caller may see. */
export const eventsUrl = ({ study, project } = {}) => withQuery('/api/v1/events', { project, study });

export const listDatasets = (project) => request(withQuery('/api/v1/datasets', { project }));

/**
 * POSTs the study's JSON text as it is, into `project`; a refusal is an ApiError whose `errors`
 * name each field's path.
 */
export const createStudy = (text, project) =>
  request(withQuery(BASE, { project }), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
