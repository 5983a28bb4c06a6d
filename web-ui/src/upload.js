// Multipart uploads with progress. fetch() cannot report how much of a request body has been
// sent, so this uses XMLHttpRequest, whose upload object fires progress events.

import { reportUnauthorized } from './api.js';

export class UploadError extends Error {
  /**
   * @param {number} status HTTP status, 0 for a network failure or an abort
   * @param {object|null} problem the problem+json body, when the server sent one
   */
  constructor(status, message, problem = null) {
    super(message);
    this.name = 'UploadError';
    this.status = status;
    this.problem = problem;
  }
}

function parseBody(xhr) {
  try {
    return xhr.responseText ? JSON.parse(xhr.responseText) : null;
  } catch {
    return null;
  }
}

/**
 * POSTs `formData` to `url`. `onProgress(percent, loaded, total)` is called as the body goes out
 * (percent is null when the size is unknown) and `onSent()` once it has all been sent, while the
 * server is still reading it. Resolves with the parsed JSON body of a 2xx answer; rejects with an
 * UploadError carrying the status and the problem+json body otherwise. Abort through `signal`.
 */
export function uploadMultipart(url, formData, { onProgress, onSent, signal } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UploadError(0, 'Upload cancelled'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      onProgress?.(e.lengthComputable && e.total ? Math.round((100 * e.loaded) / e.total) : null, e.loaded, e.total);
    });
    xhr.upload.addEventListener('load', () => onSent?.());
    xhr.addEventListener('load', () => {
      const body = parseBody(xhr);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
        return;
      }
      if (xhr.status === 401) reportUnauthorized();
      const problem = body && typeof body === 'object' ? body : null;
      const title = problem?.title || xhr.statusText || `HTTP ${xhr.status}`;
      reject(new UploadError(xhr.status, problem?.detail ? `${title}: ${problem.detail}` : title, problem));
    });
    xhr.addEventListener('error', () => reject(new UploadError(0, 'Network error: the server could not be reached')));
    xhr.addEventListener('timeout', () => reject(new UploadError(0, 'The upload timed out')));
    xhr.addEventListener('abort', () => reject(new UploadError(0, 'Upload cancelled')));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(formData);
  });
}

/**
 * Uploads a dataset to POST /api/v1/datasets. `fields` holds the multipart fields of
 * DatasetUploadForm (`file`, `labels`, `name`, `kind`, `label`, `task`, `column`,
 * `vocabularySize`, `sequenceLength`, `window`, `horizon`, `imageSize`, `trainingSet`); empty
 * ones are left out so the server applies its defaults. The dataset goes into `project` (the
 * server's choice when null). Resolves with the DatasetView.
 */
export function uploadDataset(fields, { project, ...options } = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value == null) continue;
    if (value instanceof Blob) form.append(name, value, value.name || name);
    else if (String(value).trim() !== '') form.append(name, String(value).trim());
  }
  const url = project ? `/api/v1/datasets?project=${encodeURIComponent(project)}` : '/api/v1/datasets';
  return uploadMultipart(url, form, options);
}
