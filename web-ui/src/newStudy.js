// The New study page: a JSON editor for the study, a dataset picker and uploader, and a submit
// that shows every problem the server finds where it is in the text.

import './newStudy.css';
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec, StateEffect, StateField } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { forceLinting, lintGutter, linter } from '@codemirror/lint';
import { findNodeAtLocation, modify, parse, parseTree, printParseErrorCode } from 'jsonc-parser';
import { lineOf, locate, offsetOf } from './jsonLocate.js';
import { DEFAULT_TEMPLATE_ID, STUDY_TEMPLATES, datasetFor, findTemplate, templateText } from './studyTemplates.js';
import { h } from './render.js';
import { uploadDataset } from './upload.js';

const STUDIES_URL = '/api/v1/studies';
const DATASETS_URL = '/api/v1/datasets';
const KINDS = ['table', 'images', 'tokens', 'sequence', 'timeseries'];


// ---------------------------------------------------------------------------------------------
// JSON syntax

const SYNTAX_MESSAGES = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected (a trailing comma?)',
  ValueExpected: 'value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'nothing may follow the closing brace',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** The first syntax error of strict JSON, `{from, to, message}`, or null when the text parses. */
export function syntaxError(text) {
  const errors = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length) {
    const e = errors[0];
    const code = printParseErrorCode(e.error);
    return { from: e.offset, to: e.offset + e.length, message: SYNTAX_MESSAGES[code] || code };
  }
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const at = /position (\d+)/.exec(e.message);
    const from = at ? Number(at[1]) : 0;
    return { from, to: from + 1, message: e.message };
  }
}

// ---------------------------------------------------------------------------------------------
// Editor diagnostics: live syntax errors, plus the server's errors of the last submit, kept in a
// field that moves them along with edits until the next submit replaces them.

const setServerDiagnostics = StateEffect.define();

const serverDiagnostics = StateField.define({
  create: () => [],
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setServerDiagnostics)) return e.value;
    if (!tr.docChanged || !value.length) return value;
    return value.map((d) => {
      const from = tr.changes.mapPos(d.from, 1);
      return { ...d, from, to: Math.max(from, tr.changes.mapPos(d.to, -1)) };
    });
  },
});

function clampDiagnostic(d, length) {
  const from = Math.min(Math.max(0, d.from), length);
  const to = Math.min(Math.max(from, d.to), length);
  return { ...d, from, to };
}

function studyLinter(view) {
  const doc = view.state.doc;
  const out = [];
  const syntax = syntaxError(doc.toString());
  if (syntax) out.push({ from: syntax.from, to: Math.max(syntax.to, syntax.from + 1), severity: 'error', source: 'JSON', message: syntax.message });
  for (const d of view.state.field(serverDiagnostics)) out.push(d);
  return out.map((d) => clampDiagnostic(d, doc.length));
}

const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace", lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f8fafc', borderRight: '1px solid #e5e7eb', color: '#9ca3af' },
  '.cm-activeLineGutter': { backgroundColor: '#eef2ff', color: '#4b5563' },
  '.cm-activeLine': { backgroundColor: '#f8faff' },
  '&.cm-focused': { outline: 'none' },
});

// ---------------------------------------------------------------------------------------------
// API

async function fetchJson(url, init) {
  let res;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch (e) {
    const err = new Error(`the server could not be reached (${e.message})`);
    err.status = 0;
    throw err;
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return { status: res.status, ok: res.ok, statusText: res.statusText, body };
}

async function listDatasets() {
  const res = await fetchJson(DATASETS_URL);
  if (!res.ok || !Array.isArray(res.body)) {
    const err = new Error(res.body?.detail || res.body?.title || `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return res.body;
}

// ---------------------------------------------------------------------------------------------
// Page

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

export function mountNewStudy(container, { onCreated } = {}) {
  let destroyed = false;
  let datasets = [];
  let submitting = false;
  let uploading = null; // AbortController of the upload in flight
  let syncTimer = null;
  let errorSeq = 0;

  // ----- header
  const templateSelect = h('select', { id: 'ns-template', 'data-testid': 'template-select' },
    STUDY_TEMPLATES.map((t) => h('option', { value: t.id }, t.label)));
  const submitButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'submit-study', title: 'Ctrl+Enter in the editor' }, 'Create study');

  // ----- editor and results
  const editorHost = h('div', { class: 'ns-editor', 'data-testid': 'study-editor' });
  const summary = h('p', { class: 'ns-summary', 'data-testid': 'submit-summary', role: 'status', 'aria-live': 'polite', hidden: true });
  const errorList = h('ul', { class: 'ns-errors', 'data-testid': 'validation-errors', hidden: true });

  // ----- dataset picker
  const datasetSelect = h('select', { id: 'ns-dataset', 'data-testid': 'dataset-select' }, h('option', { value: '' }, 'Loading…'));
  const datasetInfoLine = h('p', { class: 'ns-note muted', 'data-testid': 'dataset-info' });
  const datasetStatus = h('p', { class: 'ns-note error', 'data-testid': 'dataset-list-status', hidden: true });
  const templateHint = h('p', { class: 'ns-hint', 'data-testid': 'template-hint', hidden: true });

  // ----- upload form
  const input = (attrs) => h('input', { type: 'text', autocomplete: 'off', ...attrs });
  const columnsList = h('datalist', { id: 'ns-csv-columns' });
  const fields = {
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

  const root = h('section', { class: 'new-study', 'data-testid': 'new-study' },
    h('header', { class: 'ns-header' },
      h('h2', {}, 'New study'),
      h('label', { class: 'ns-inline', for: 'ns-template' }, h('span', { class: 'muted' }, 'Start from'), templateSelect),
      submitButton),
    h('div', { class: 'ns-body' },
      h('div', { class: 'ns-main' }, editorHost, summary, errorList),
      h('aside', { class: 'ns-side' },
        h('section', { class: 'ns-card', 'aria-labelledby': 'ns-dataset-heading' },
          h('h3', { id: 'ns-dataset-heading' }, 'Dataset'),
          datasetSelect, datasetInfoLine, datasetStatus, templateHint),
        h('section', { class: 'ns-card', 'aria-labelledby': 'ns-upload-heading' },
          h('h3', { id: 'ns-upload-heading' }, 'Upload a dataset'),
          uploadForm))));
  container.append(root);

  // ----- editor
  const view = new EditorView({
    parent: editorHost,
    doc: '',
    extensions: [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { submit(); return true; } }])),
      basicSetup,
      json(),
      serverDiagnostics,
      linter(studyLinter, {
        delay: 400,
        needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(setServerDiagnostics))),
      }),
      lintGutter(),
      editorTheme,
      EditorView.contentAttributes.of({ 'aria-label': 'Study JSON' }),
      EditorView.updateListener.of((u) => { if (u.docChanged) scheduleDatasetSync(); }),
    ],
  });
  editorHost.editorView = view;
  window.__tunelabEditor = view;

  const text = () => view.state.doc.toString();

  function replaceText(next) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next }, selection: { anchor: 0 }, scrollIntoView: true });
  }

  // ----- results

  function setSummary(message, tone) {
    summary.hidden = !message;
    summary.textContent = message || '';
    summary.className = `ns-summary${tone ? ` is-${tone}` : ''}`;
  }

  function clearErrors() {
    view.dispatch({ effects: setServerDiagnostics.of([]) });
    errorList.replaceChildren();
    errorList.hidden = true;
  }

  function goTo(id) {
    const d = view.state.field(serverDiagnostics).find((x) => x.id === id);
    const item = errorList.querySelector(`[data-error-id="${id}"]`);
    const pos = d ? Math.min(d.from, view.state.doc.length)
      : view.state.doc.line(Math.min(Number(item?.dataset.line) || 1, view.state.doc.lines)).from;
    view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    view.focus();
  }

  /** Shows errors `{path, message, from, to}` in the editor and in the list below it. */
  function showErrors(errors) {
    const doc = view.state.doc;
    const diagnostics = errors.map((e) => {
      const d = clampDiagnostic({ from: e.from, to: e.to }, doc.length);
      return { ...d, id: ++errorSeq, path: e.path, line: doc.lineAt(d.from).number,
        severity: 'error', source: 'TuneLab', message: `${e.path}: ${e.message}` };
    });
    view.dispatch({ effects: setServerDiagnostics.of(diagnostics) });
    forceLinting(view);
    errorList.replaceChildren(...diagnostics.map((d, i) =>
      h('li', { 'data-testid': 'validation-error', 'data-line': d.line, 'data-path': d.path, 'data-error-id': d.id },
        h('button', { type: 'button', class: 'ns-error-link', title: 'Show in the editor' },
          h('span', { class: 'ns-error-line' }, `line ${d.line}`), ' · ',
          h('code', {}, d.path), `: ${errors[i].message}`))));
    errorList.hidden = diagnostics.length === 0;
  }

  errorList.addEventListener('click', (e) => {
    const item = e.target.closest('[data-error-id]');
    if (item) goTo(Number(item.dataset.errorId));
  });

  // ----- submit

  function serverErrors(status, problem, current) {
    const list = Array.isArray(problem?.errors) ? problem.errors : [];
    const out = list.map((e) => {
      const path = typeof e?.path === 'string' && e.path ? e.path : '$';
      const message = String(e?.message ?? 'invalid');
      // Malformed JSON names no node, only where the parser stopped.
      const at = /line (\d+), column (\d+)/.exec(`${message} ${status === 400 ? problem?.detail ?? '' : ''}`);
      if (path === '$' && at) {
        const from = offsetOf(current, Number(at[1]), Number(at[2]));
        return { path, message, from, to: from + 1 };
      }
      const r = locate(current, path);
      return { path, message, from: r.from, to: r.to };
    });
    if (!out.length && status >= 400 && status < 500 && problem?.detail) {
      // A problem without a list still deserves a marker; the whole study is the best we know.
      const r = locate(current, '$');
      out.push({ path: '$', message: problem.detail, from: r.from, to: r.to });
    }
    return out;
  }

  async function submit() {
    if (submitting || destroyed) return;
    clearErrors();
    const body = text();
    const syntax = syntaxError(body);
    if (syntax) {
      const line = lineOf(body, syntax.from);
      const column = syntax.from - view.state.doc.line(Math.min(line, view.state.doc.lines)).from + 1;
      showErrors([{ path: '$', message: `${syntax.message} (column ${column})`, from: syntax.from, to: Math.max(syntax.to, syntax.from + 1) }]);
      setSummary(`Not valid JSON, nothing was sent: ${syntax.message} at line ${line}, column ${column}.`, 'error');
      return;
    }
    submitting = true;
    submitButton.disabled = true;
    submitButton.textContent = 'Creating…';
    setSummary('Submitting…', 'busy');
    let res;
    try {
      res = await fetchJson(STUDIES_URL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    } catch (e) {
      res = { error: e };
    } finally {
      submitting = false;
      if (!destroyed) {
        submitButton.disabled = false;
        submitButton.textContent = 'Create study';
      }
    }
    if (destroyed) return;
    if (res.error) {
      setSummary(`Could not submit: ${res.error.message}.`, 'error');
      return;
    }
    if (res.ok) {
      setSummary(`Created study ${res.body?.name || res.body?.id || ''}`.trim(), 'ok');
      onCreated?.(res.body);
      return;
    }
    const problem = res.body && typeof res.body === 'object' ? res.body : null;
    const errors = serverErrors(res.status, problem, text());
    showErrors(errors);
    const title = problem?.title || res.statusText || 'Request failed';
    const detail = problem?.detail ? `: ${problem.detail}` : '';
    setSummary(`${title} (HTTP ${res.status})${detail}`, 'error');
  }

  submitButton.addEventListener('click', submit);

  // ----- dataset in the study text

  function editorDataset() {
    const tree = parseTree(text());
    const node = tree && findNodeAtLocation(tree, ['dataset']);
    return node?.type === 'string' ? node.value : null;
  }

  function setEditorDataset(id) {
    let edits;
    try {
      edits = modify(text(), ['dataset'], id, {
        formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
        getInsertionIndex: (keys) => (keys.includes('name') ? keys.indexOf('name') + 1 : 0),
      });
    } catch (e) {
      showDatasetStatus(`Could not set "dataset" in the study: ${e.message}`);
      return;
    }
    if (edits.length) view.dispatch({ changes: edits.map((e) => ({ from: e.offset, to: e.offset + e.length, insert: e.content })) });
  }

  function showDatasetStatus(message) {
    datasetStatus.hidden = !message;
    datasetStatus.textContent = message || '';
  }

  function syncDatasetSelect() {
    const id = editorDataset();
    const known = datasets.find((d) => d.id === id);
    datasetSelect.value = known ? known.id : '';
    // A template's "<upload a ... dataset>" placeholder is explained by the template hint.
    const unknown = Boolean(id && !known && datasets.length && !id.startsWith('<'));
    datasetInfoLine.textContent = known ? datasetInfo(known) : unknown ? `“${id}” is not a dataset on this server` : '';
    datasetInfoLine.classList.toggle('error', unknown);
    updateTemplateHint();
  }

  function scheduleDatasetSync() {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => { if (!destroyed) syncDatasetSelect(); }, 250);
  }

  function renderDatasetOptions() {
    const selected = editorDataset();
    datasetSelect.replaceChildren(
      h('option', { value: '' }, datasets.length ? '— choose a dataset —' : 'No datasets'),
      ...datasets.map((d) => h('option', { value: d.id, 'data-kind': d.kind }, datasetLabel(d))));
    const training = fields.trainingSet.value;
    fields.trainingSet.replaceChildren(h('option', { value: '' }, '— none: this is a training set'),
      ...datasets.filter((d) => !d.builtin).map((d) => h('option', { value: d.id }, datasetLabel(d))));
    fields.trainingSet.value = datasets.some((d) => d.id === training) ? training : '';
    datasetSelect.value = datasets.some((d) => d.id === selected) ? selected : '';
    syncDatasetSelect();
  }

  async function loadDatasets() {
    try {
      const list = await listDatasets();
      if (destroyed) return;
      // The built-in set first, then the newest uploads.
      datasets = [...list].sort((a, b) => (b.builtin - a.builtin) || String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
      showDatasetStatus('');
    } catch (e) {
      if (destroyed) return;
      showDatasetStatus(`Could not load datasets: ${e.message}`);
    }
    renderDatasetOptions();
  }

  datasetSelect.addEventListener('change', () => {
    if (!datasetSelect.value) return;
    setEditorDataset(datasetSelect.value);
    syncDatasetSelect();
  });

  // ----- templates

  function currentTemplate() {
    return findTemplate(templateSelect.value);
  }

  function updateTemplateHint() {
    const t = currentTemplate();
    const kind = t?.datasetKind;
    const chosen = datasets.find((d) => d.id === editorDataset());
    const missing = kind && !(chosen && chosen.kind === kind);
    templateHint.hidden = !kind;
    templateHint.textContent = kind ? t.hint || `This study needs a ${kind} dataset.` : '';
    templateHint.classList.toggle('is-missing', Boolean(missing));
  }

  function prefillUpload(t) {
    const preset = t?.upload;
    if (!preset) return;
    for (const [name, el] of Object.entries(fields)) {
      if (el.type === 'file' || name === 'trainingSet' || el.dataset.touched) continue;
      if (name === 'kind') el.value = preset.kind ?? 'table';
      else el.value = preset[name] ?? '';
    }
    showKindFields();
  }

  function loadTemplate(id) {
    const t = findTemplate(id) ?? findTemplate(DEFAULT_TEMPLATE_ID);
    templateSelect.value = t.id;
    clearErrors();
    setSummary('');
    replaceText(templateText(t, datasetFor(t, datasets, datasetSelect.value || editorDataset())));
    prefillUpload(t);
    syncDatasetSelect();
  }

  templateSelect.addEventListener('change', () => loadTemplate(templateSelect.value));

  // ----- upload

  function showKindFields() {
    const kind = fields.kind.value;
    for (const el of uploadForm.querySelectorAll('[data-field]')) {
      const kinds = FIELD_KINDS[el.dataset.field];
      el.hidden = Boolean(kinds) && !kinds.includes(kind);
    }
  }

  for (const el of Object.values(fields)) {
    el.addEventListener(el.tagName === 'SELECT' || el.type === 'file' ? 'change' : 'input', () => { el.dataset.touched = '1'; });
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

  function setUploadStatus(message, tone) {
    uploadStatus.textContent = message || '';
    uploadStatus.className = `ns-note${tone ? ` is-${tone}` : ''}`;
  }

  function problemMessage(e) {
    const p = e.problem;
    if (!p) return e.message;
    const extra = (p.errors || []).map((x) => `${x.path}: ${x.message}`).filter((m) => !String(p.detail || '').includes(m));
    return [p.detail ? `${p.title || 'Upload refused'}: ${p.detail}` : p.title || e.message, ...extra].join(' · ');
  }

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
      await loadDatasets();
      if (destroyed) return;
      if (!datasets.some((d) => d.id === dataset.id)) {
        datasets.push(dataset);
        renderDatasetOptions();
      }
      if (!values.trainingSet) setEditorDataset(dataset.id);
      syncDatasetSelect();
      // Said last, so whoever waits for it finds the list and the study already updated.
      setUploadStatus(`Uploaded ${dataset?.name || dataset?.id} (${fmtRows(dataset?.rows)} rows)`, 'ok');
    } catch (err) {
      if (destroyed) return;
      progress.hidden = true;
      setUploadStatus(problemMessage(err), 'error');
    } finally {
      uploading = null;
      if (!destroyed) uploadButton.disabled = false;
    }
  });

  // ----- start
  showKindFields();
  loadTemplate(DEFAULT_TEMPLATE_ID);
  loadDatasets();

  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(syncTimer);
      uploading?.abort();
      if (window.__tunelabEditor === view) delete window.__tunelabEditor;
      view.destroy();
      root.remove();
    },
  };
}
