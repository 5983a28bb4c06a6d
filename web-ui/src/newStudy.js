// The New study page: a JSON editor for the study, a dataset picker and uploader, and a submit
// that shows every problem the server finds where it is in the text.

import './newStudy.css';
import { findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { createStudy } from './api.js';
import { createDatasetPanel } from './datasetPanel.js';
import { lineOf, locate, offsetOf } from './jsonLocate.js';
import { h } from './render.js';
import { clearServerErrors, createStudyEditor, goToServerError, replaceText, setServerErrors, syntaxError } from './studyEditor.js';
import { DEFAULT_TEMPLATE_ID, STUDY_TEMPLATES, findTemplate, templateText } from './studyTemplates.js';

/**
 * The server's errors as `{path, message, from, to}` in `text`: each at the node its path names,
 * or, for malformed JSON, where the parser stopped.
 */
function serverErrors(status, problem, text) {
  const list = Array.isArray(problem?.errors) ? problem.errors : [];
  const out = list.map((e) => {
    const path = typeof e?.path === 'string' && e.path ? e.path : '$';
    const message = String(e?.message ?? 'invalid');
    // Malformed JSON names no node, only where the parser stopped.
    const at = /line (\d+), column (\d+)/.exec(`${message} ${status === 400 ? problem?.detail ?? '' : ''}`);
    if (path === '$' && at) {
      const from = offsetOf(text, Number(at[1]), Number(at[2]));
      return { path, message, from, to: from + 1 };
    }
    const r = locate(text, path);
    return { path, message, from: r.from, to: r.to };
  });
  if (!out.length && status >= 400 && status < 500 && problem?.detail) {
    // A problem without a list still deserves a marker; the whole study is the best we know.
    const r = locate(text, '$');
    out.push({ path: '$', message: problem.detail, from: r.from, to: r.to });
  }
  return out;
}

/** The dataset id the study text names, or null. */
function datasetOf(text) {
  const tree = parseTree(text);
  const node = tree && findNodeAtLocation(tree, ['dataset']);
  return node?.type === 'string' ? node.value : null;
}

export function mountNewStudy(container, { onCreated, project = null } = {}) {
  let destroyed = false;
  let submitting = false;
  let syncTimer = null;
  let errorSeq = 0;
  let view = null;

  const templateSelect = h('select', { id: 'ns-template', 'data-testid': 'template-select' },
    STUDY_TEMPLATES.map((t) => h('option', { value: t.id }, t.label)));
  const submitButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'submit-study', title: 'Ctrl+Enter in the editor' }, 'Create study');
  const editorHost = h('div', { class: 'ns-editor', 'data-testid': 'study-editor' });
  const summary = h('p', { class: 'ns-summary', 'data-testid': 'submit-summary', role: 'status', 'aria-live': 'polite', hidden: true });
  const errorList = h('ul', { class: 'ns-errors', 'data-testid': 'validation-errors', hidden: true });

  const text = () => view.state.doc.toString();
  const panel = createDatasetPanel({ current: () => datasetOf(text()), onSelect: setEditorDataset, project });

  const root = h('section', { class: 'new-study', 'data-testid': 'new-study' },
    h('header', { class: 'ns-header' },
      h('h2', {}, 'New study'),
      project && h('span', { class: 'muted', 'data-testid': 'new-study-project' }, `in project ${project}`),
      h('label', { class: 'ns-inline', for: 'ns-template' }, h('span', { class: 'muted' }, 'Start from'), templateSelect),
      submitButton),
    h('div', { class: 'ns-body' },
      h('div', { class: 'ns-main' }, editorHost, summary, errorList),
      panel.el));
  container.append(root);

  view = createStudyEditor(editorHost, {
    onSubmit: () => submit(),
    // Typing a dataset id by hand updates the picker once the typing pauses.
    onDocChanged: () => {
      clearTimeout(syncTimer);
      syncTimer = setTimeout(() => { if (!destroyed) panel.sync(); }, 250);
    },
  });
  // The browser tests drive the editor through these.
  editorHost.editorView = view;
  window.__tunelabEditor = view;

  function setEditorDataset(id) {
    let edits;
    try {
      edits = modify(text(), ['dataset'], id, {
        formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
        // A new "dataset" goes right after "name", where the templates keep it.
        getInsertionIndex: (keys) => (keys.includes('name') ? keys.indexOf('name') + 1 : 0),
      });
    } catch (e) {
      panel.showStatus(`Could not set "dataset" in the study: ${e.message}`);
      return;
    }
    if (edits.length) view.dispatch({ changes: edits.map((e) => ({ from: e.offset, to: e.offset + e.length, insert: e.content })) });
  }

  // ----- results

  function setSummary(message, tone) {
    summary.hidden = !message;
    summary.textContent = message || '';
    summary.className = `ns-summary${tone ? ` is-${tone}` : ''}`;
  }

  function clearErrors() {
    clearServerErrors(view);
    errorList.replaceChildren();
    errorList.hidden = true;
  }

  /** Shows errors `{path, message, from, to}` in the editor and in the list below it. */
  function showErrors(errors) {
    const diagnostics = setServerErrors(view, errors.map((e) => ({ ...e, id: ++errorSeq })));
    errorList.replaceChildren(...diagnostics.map((d, i) =>
      h('li', { 'data-testid': 'validation-error', 'data-line': d.line, 'data-path': d.path, 'data-error-id': d.id },
        h('button', { type: 'button', class: 'ns-error-link', title: 'Show in the editor' },
          h('span', { class: 'ns-error-line' }, `line ${d.line}`), ' · ',
          h('code', {}, d.path), `: ${errors[i].message}`))));
    errorList.hidden = diagnostics.length === 0;
  }

  errorList.addEventListener('click', (e) => {
    const item = e.target.closest('[data-error-id]');
    if (item) goToServerError(view, Number(item.dataset.errorId), item.dataset.line);
  });

  // ----- submit

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
    let created;
    let failure = null;
    try {
      created = await createStudy(body, project);
    } catch (e) {
      failure = e;
    } finally {
      submitting = false;
      if (!destroyed) {
        submitButton.disabled = false;
        submitButton.textContent = 'Create study';
      }
    }
    if (destroyed) return;
    if (!failure) {
      setSummary(`Created study ${created?.name || created?.id || ''}`.trim(), 'ok');
      onCreated?.(created);
      return;
    }
    if (failure.status === 0) {
      setSummary(`Could not submit: the server could not be reached (${failure.detail}).`, 'error');
      return;
    }
    // The ApiError has the problem's fields (`detail`, `errors`) that serverErrors reads.
    showErrors(serverErrors(failure.status, failure, text()));
    const detail = failure.detail ? `: ${failure.detail}` : '';
    setSummary(`${failure.title} (HTTP ${failure.status})${detail}`, 'error');
  }

  submitButton.addEventListener('click', submit);

  // ----- templates

  function loadTemplate(id) {
    const t = findTemplate(id) ?? findTemplate(DEFAULT_TEMPLATE_ID);
    templateSelect.value = t.id;
    clearErrors();
    setSummary('');
    replaceText(view, templateText(t, panel.datasetFor(t)));
    panel.useTemplate(t);
  }

  templateSelect.addEventListener('change', () => loadTemplate(templateSelect.value));

  // ----- start
  loadTemplate(DEFAULT_TEMPLATE_ID);
  panel.load();

  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(syncTimer);
      panel.destroy();
      if (window.__tunelabEditor === view) delete window.__tunelabEditor;
      view.destroy();
      root.remove();
    },
  };
}
