// The side panel of the New study page: which dataset the study trains on, and a form to upload
// a new one. The study text is the single record of the chosen dataset; the panel reads it through
// `current()` and changes it only through `onSelect(id)`.

import { ApiError, listDatasets } from './api.js';
import { h } from './render.js';
import { datasetFor } from './studyTemplates.js';
import { uploadDataset } from './upload.js';

const KINDS = ['table', 'images', 'tokens', 'sequence', 'timeseries'];

// Which upload fields each kind uses; the server refuses an option given for another kind.
const FIELD_KINDS = {
  labels: ['images'],
  label: ['table', 'tokens', 'sequence', 'timeseries'],
  task: ['table', 'tokens', 'sequence', 'timeseries'],
  column: ['tokens', 'sequence'],
  vocabularySize: ['tokens'],
  sequenceLength: ['tokens', 'sequence'],
  window: ['timeseries'],
  horizon: ['timeseries'],
  imageSize: ['images'],
};

const fmtRows = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '?');

function datasetLabel(d) {
  const name = d.name && d.name !== d.id ? d.name : d.id;
  return `${name} · ${d.kind ?? '?'} · ${fmtRows(d.rows)} rows`;
}

function datasetInfo(d) {
  if (!d) return '';
  const parts = [`id ${d.id}`, d.task, d.inputShape ? `input [${d.inputShape.join(', ')}]` : null];
  if (d.classes?.length) parts.push(`${d.classes.length} classes`);
  if (d.label) parts.push(`label “${d.label}”`);
  if (d.vocabularySize) parts.push(`vocabulary ${fmtRows(d.vocabularySize)}`);
  return parts.filter(Boolean).join(' · ');
}

/** The first line of a CSV split into column names (quotes honoured, no multi-line headers). */
function csvHeader(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

function loadFailure(e) {
  if (e instanceof ApiError && e.status === 0) return `the server could not be reached (${e.detail})`;
  return e instanceof ApiError ? e.detail || e.title : e.message;
}

function uploadFailure(e) {
  const p = e.problem;
  if (!p) return e.message;
  const extra = (p.errors || []).map((x) => `${x.path}: ${x.message}`).filter((m) => !String(p.detail || '').includes(m));
  return [p.detail ? `${p.title || 'Upload refused'}: ${p.detail}` : p.title || e.message, ...extra].join(' · ');
}

function buildUploadFields() {
  const input = (attrs) => h('input', { type: 'text', autocomplete: 'off', ...attrs });
  return {
    file: h('input', { type: 'file', id: 'ns-file', 'data-testid': 'dataset-file-input' }),
    labels: h('input', { type: 'file', id: 'ns-labels', 'data-testid': 'dataset-labels-input' }),
    name: input({ id: 'ns-name', 'data-testid': 'dataset-name-input', placeholder: 'defaults to the file name' }),
    kind: h('select', { id: 'ns-kind', 'data-testid': 'dataset-kind-select' }, KINDS.map((k) => h('option', { value: k }, k))),
    label: input({ id: 'ns-label', 'data-testid': 'dataset-label-input', placeholder: 'e.g. target', list: 'ns-csv-columns' }),
    task: h('select', { id: 'ns-task', 'data-testid': 'dataset-task-select' },
      h('option', { value: '' }, 'infer from label'), h('option', { value: 'classification' }, 'classification'),
      h('option', { value: 'regression' }, 'regression')),
    column: input({ id: 'ns-column', 'data-testid': 'dataset-column-input', placeholder: 'text column', list: 'ns-csv-columns' }),
    vocabularySize: input({ id: 'ns-vocab', 'data-testid': 'dataset-vocabulary-size-input', inputmode: 'numeric', placeholder: '10000' }),
    sequenceLength: input({ id: 'ns-seqlen', 'data-testid': 'dataset-sequence-length-input', inputmode: 'numeric', placeholder: 'longest' }),
    window: input({ id: 'ns-window', 'data-testid': 'dataset-window-input', inputmode: 'numeric', placeholder: 'rows' }),
    horizon: input({ id: 'ns-horizon', 'data-testid': 'dataset-horizon-input', inputmode: 'numeric', placeholder: '1' }),
    imageSize: input({ id: 'ns-imgsize', 'data-testid': 'dataset-image-size-input', placeholder: 'e.g. 32x32' }),
    trainingSet: h('select', { id: 'ns-training', 'data-testid': 'dataset-training-set-select' }, h('option', { value: '' }, '—')),
  };
}

/**
 * The dataset panel. `current()` is the dataset id the study names (or null); `onSelect(id)` is
 * asked to make the study name `id`, when one is picked from the list or has just been uploaded.
 * `project` is where uploads go and whose datasets (with the built-in ones) are listed.
 * Returns `{ el, load, sync, useTemplate, datasetFor, showStatus, destroy }`.
 */
export function createDatasetPanel({ current, onSelect, project }) {
  let destroyed = false;
  let datasets = [];
  let template = null;
  let uploading = null; // AbortController of the upload in flight

  const datasetSelect = h('select', { id: 'ns-dataset', 'data-testid': 'dataset-select' }, h('option', { value: '' }, 'Loading…'));
  const datasetInfoLine = h('p', { class: 'ns-note muted', 'data-testid': 'dataset-info' });
  const datasetStatus = h('p', { class: 'ns-note error', 'data-testid': 'dataset-list-status', hidden: true });
  const templateHint = h('p', { class: 'ns-hint', 'data-testid': 'template-hint', hidden: true });

  const columnsList = h('datalist', { id: 'ns-csv-columns' });
  const fields = buildUploadFields();
  const field = (name, text, control, wide = false) =>
    h('label', { class: `ns-field${wide ? ' wide' : ''}`, 'data-field': name }, h('span', {}, text), control);
  const uploadButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'dataset-upload-button' }, 'Upload');
  const progress = h('progress', { max: '100', value: '0', 'data-testid': 'upload-progress', hidden: true });
  const uploadStatus = h('p', { class: 'ns-note', 'data-testid': 'upload-status', role: 'status', 'aria-live': 'polite' });
  const uploadForm = h('form', { class: 'ns-upload', 'data-testid': 'dataset-upload-form', novalidate: true },
    field('file', 'File', fields.file, true),
    field('labels', 'Labels file (IDX)', fields.labels, true),
    field('kind', 'Kind', fields.kind),
    field('name', 'Name', fields.name),
    field('label', 'Label column', fields.label),
    field('task', 'Task', fields.task),
    field('column', 'Text column', fields.column),
    field('vocabularySize', 'Vocabulary size', fields.vocabularySize),
    field('sequenceLength', 'Sequence length', fields.sequenceLength),
    field('window', 'Window', fields.window),
    field('horizon', 'Horizon', fields.horizon),
    field('imageSize', 'Image size', fields.imageSize),
    field('trainingSet', 'Test set of (optional)', fields.trainingSet, true),
    columnsList,
    h('div', { class: 'ns-upload-actions' }, uploadButton, progress),
    uploadStatus);

  const el = h('aside', { class: 'ns-side' },
    h('section', { class: 'ns-card', 'aria-labelledby': 'ns-dataset-heading' },
      h('h3', { id: 'ns-dataset-heading' }, 'Dataset'),
      datasetSelect, datasetInfoLine, datasetStatus, templateHint),
    h('section', { class: 'ns-card', 'aria-labelledby': 'ns-upload-heading' },
      h('h3', { id: 'ns-upload-heading' }, 'Upload a dataset'),
      uploadForm));

  // ----- the chosen dataset

  function showStatus(message) {
    datasetStatus.hidden = !message;
    datasetStatus.textContent = message || '';
  }

  function updateTemplateHint() {
    const kind = template?.datasetKind;
    const chosen = datasets.find((d) => d.id === current());
    const missing = kind && !(chosen && chosen.kind === kind);
    templateHint.hidden = !kind;
    templateHint.textContent = kind ? template.hint || `This study needs a ${kind} dataset.` : '';
    templateHint.classList.toggle('is-missing', Boolean(missing));
  }

  function sync() {
    const id = current();
    const known = datasets.find((d) => d.id === id);
    datasetSelect.value = known ? known.id : '';
    // A template's "<upload a ... dataset>" placeholder is explained by the template hint.
    const unknown = Boolean(id && !known && datasets.length && !id.startsWith('<'));
    datasetInfoLine.textContent = known ? datasetInfo(known) : unknown ? `“${id}” is not a dataset on this server` : '';
    datasetInfoLine.classList.toggle('error', unknown);
    updateTemplateHint();
  }

  function renderOptions() {
    const selected = current();
    datasetSelect.replaceChildren(
      h('option', { value: '' }, datasets.length ? '— choose a dataset —' : 'No datasets'),
      ...datasets.map((d) => h('option', { value: d.id, 'data-kind': d.kind }, datasetLabel(d))));
    const training = fields.trainingSet.value;
    fields.trainingSet.replaceChildren(h('option', { value: '' }, '— none: this is a training set'),
      ...datasets.filter((d) => !d.builtin).map((d) => h('option', { value: d.id }, datasetLabel(d))));
    fields.trainingSet.value = datasets.some((d) => d.id === training) ? training : '';
    datasetSelect.value = datasets.some((d) => d.id === selected) ? selected : '';
    sync();
  }

  async function load() {
    try {
      const list = await listDatasets(project);
      if (destroyed) return;
      // The built-in set first, then the newest uploads.
      datasets = [...list].sort((a, b) => (b.builtin - a.builtin) || String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
      showStatus('');
    } catch (e) {
      if (destroyed) return;
      showStatus(`Could not load datasets: ${loadFailure(e)}`);
    }
    renderOptions();
  }

  datasetSelect.addEventListener('change', () => {
    if (!datasetSelect.value) return;
    onSelect(datasetSelect.value);
    sync();
  });

  // ----- upload

  function showKindFields() {
    const kind = fields.kind.value;
    for (const f of uploadForm.querySelectorAll('[data-field]')) {
      const kinds = FIELD_KINDS[f.dataset.field];
      f.hidden = Boolean(kinds) && !kinds.includes(kind);
    }
  }

  /** Fills the upload form from the template's preset, except what the user has already set. */
  function prefillUpload(t) {
    const preset = t?.upload;
    if (!preset) return;
    for (const [name, f] of Object.entries(fields)) {
      if (f.type === 'file' || name === 'trainingSet' || f.dataset.touched) continue;
      if (name === 'kind') f.value = preset.kind ?? 'table';
      else f.value = preset[name] ?? '';
    }
    showKindFields();
  }

  function setUploadStatus(message, tone) {
    uploadStatus.textContent = message || '';
    uploadStatus.className = `ns-note${tone ? ` is-${tone}` : ''}`;
  }

  for (const f of Object.values(fields)) {
    f.addEventListener(f.tagName === 'SELECT' || f.type === 'file' ? 'change' : 'input', () => { f.dataset.touched = '1'; });
  }
  fields.kind.addEventListener('change', showKindFields);

  fields.file.addEventListener('change', async () => {
    const file = fields.file.files?.[0];
    progress.hidden = true;
    setUploadStatus('');
    columnsList.replaceChildren();
    if (!file) return;
    const lower = file.name.toLowerCase();
    if (!fields.kind.dataset.touched && (lower.endsWith('.zip') || /idx\d?-ubyte/.test(lower))) {
      fields.kind.value = 'images';
      showKindFields();
    }
    if (/\.(csv|txt)$/.test(lower)) {
      try {
        const head = await file.slice(0, 64 * 1024).text();
        if (destroyed) return;
        const columns = csvHeader(head.split(/\r?\n/, 1)[0] ?? '');
        columnsList.replaceChildren(...columns.map((c) => h('option', { value: c })));
      } catch {
        // Suggestions only; the upload itself will say what is wrong with the file.
      }
    }
  });

  uploadForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (uploading) return;
    const file = fields.file.files?.[0];
    if (!file) {
      setUploadStatus('Choose a file to upload first.', 'error');
      return;
    }
    const kind = fields.kind.value;
    const values = { file, name: fields.name.value, kind };
    for (const [name, kinds] of Object.entries(FIELD_KINDS)) {
      if (!kinds.includes(kind)) continue;
      values[name] = name === 'labels' ? fields.labels.files?.[0] ?? null : fields[name].value;
    }
    values.trainingSet = fields.trainingSet.value;

    uploading = new AbortController();
    uploadButton.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    setUploadStatus('Uploading… 0%', 'busy');
    try {
      const dataset = await uploadDataset(values, {
        project,
        signal: uploading.signal,
        onProgress: (pct) => {
          if (pct == null) return;
          progress.value = pct;
          setUploadStatus(`Uploading… ${pct}%`, 'busy');
        },
        onSent: () => {
          progress.value = 100;
          setUploadStatus('Uploading… 100% (the server is reading the data)', 'busy');
        },
      });
      if (destroyed) return;
      progress.value = 100;
      fields.file.value = '';
      fields.labels.value = '';
      fields.name.value = '';
      columnsList.replaceChildren();
      await load();
      if (destroyed) return;
      if (!datasets.some((d) => d.id === dataset.id)) {
        datasets.push(dataset);
        renderOptions();
      }
      // A test set belongs to its training set; the study goes on naming what it named.
      if (!values.trainingSet) onSelect(dataset.id);
      sync();
      // Said last, so whoever waits for it finds the list and the study already updated.
      setUploadStatus(`Uploaded ${dataset?.name || dataset?.id} (${fmtRows(dataset?.rows)} rows)`, 'ok');
    } catch (err) {
      if (destroyed) return;
      progress.hidden = true;
      setUploadStatus(uploadFailure(err), 'error');
    } finally {
      uploading = null;
      if (!destroyed) uploadButton.disabled = false;
    }
  });

  showKindFields();

  return {
    el,
    /** (Re)reads the server's datasets. */
    load,
    /** The study's dataset may have changed: shows it in the list, its details and the hint. */
    sync,
    /** A template was loaded: its hint, and its upload preset in the fields not yet touched. */
    useTemplate(t) {
      template = t;
      prefillUpload(t);
      sync();
    },
    /** The dataset a study from template `t` should name, given what is known and chosen. */
    datasetFor: (t) => datasetFor(t, datasets, datasetSelect.value || current()),
    showStatus,
    destroy() {
      destroyed = true;
      uploading?.abort();
    },
  };
}
