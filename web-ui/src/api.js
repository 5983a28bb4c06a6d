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

export async function request(path, init = {}) {
  let res;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (e) {
    // fetch only rejects on network failure; give it the same shape as HTTP errors.
    throw new ApiError(0, 'Network error', e.message);
  }
  if (!res.ok) throw await toApiError(res);
  return res.json();
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

export const listStudies = () => request(BASE);

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

export const eventsUrl = (studyId) => `/api/v1/events${studyId ? `?${query({ study: studyId })}` : ''}`;

// The New study page reads bodies that `request` would reject: a 2xx whose body is not JSON still
// counts as created, and its messages fall back to "HTTP <status>" / "Request failed" rather than
// the status text. So these two share only the network failure and the error type with `request`.
async function exchange(path, init = {}) {
  let res;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (e) {
    throw new ApiError(0, 'Network error', e.message);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return { res, body };
}

/** Every dataset the server knows. Anything but a JSON array is an ApiError (status 0: unreachable). */
export async function listDatasets() {
  const { res, body } = await exchange('/api/v1/datasets');
  if (res.ok && Array.isArray(body)) return body;
  throw new ApiError(res.status, body?.title || `HTTP ${res.status}`, body?.detail, body?.errors || []);
}

/**
 * POSTs the study JSON `text` as it is. Resolves with the created study, or null when the answer
 * is not JSON; rejects with an ApiError (status 0: unreachable) whose `errors` is always an array.
 */
export async function createStudy(text) {
  const { res, body } = await exchange(BASE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
  if (res.ok) return body;
  const problem = body && typeof body === 'object' ? body : null;
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  throw new ApiError(res.status, problem?.title || res.statusText || 'Request failed', problem?.detail, errors);
}
