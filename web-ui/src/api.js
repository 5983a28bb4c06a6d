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

export const listDatasets = () => request('/api/v1/datasets');

/** POSTs the study's JSON text as it is; a refusal is an ApiError whose `errors` name each field's path. */
export const createStudy = (text) =>
  request(BASE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
