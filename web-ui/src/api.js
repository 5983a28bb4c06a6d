// Thin client for the TuneLab REST API (same origin, JSON).

const BASE = '/api/v1/studies';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

const studyPath = (id) => `${BASE}/${encodeURIComponent(id)}`;

async function request(path, init = {}) {
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

async function toApiError(res) {
  // Errors are meant to be problem+json, but a proxy or a crashed backend may answer with HTML.
  try {
    const problem = await res.json();
    return new ApiError(res.status, problem.title || res.statusText || `HTTP ${res.status}`, problem.detail);
  } catch {
    return new ApiError(res.status, res.statusText || `HTTP ${res.status}`);
  }
}

export const listStudies = () => request(BASE);

export const getStudy = (id) => request(studyPath(id));

export const listTrials = (id, page, size) =>
  request(`${studyPath(id)}/trials?${new URLSearchParams({ page, size })}`);

export const cancelStudy = (id) => request(`${studyPath(id)}/cancel`, { method: 'POST' });

export const bestModelUrl = (id) => `${studyPath(id)}/best-model`;

export const trialModelUrl = (id, number) => `${studyPath(id)}/trials/${encodeURIComponent(number)}/model`;
