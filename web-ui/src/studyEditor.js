// The CodeMirror editor of the New study page: strict-JSON checking as you type, plus the
// server's errors of the last submit, which stay where they were found while the text is edited.

import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec, StateEffect, StateField } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { forceLinting, lintGutter, linter } from '@codemirror/lint';
import { parse, printParseErrorCode } from 'jsonc-parser';

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
  // jsonc-parser may let through what JSON.parse refuses; JSON.parse has the last word.
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const at = /position (\d+)/.exec(e.message);
    const from = at ? Number(at[1]) : 0;
    return { from, to: from + 1, message: e.message };
  }
}

// The server's diagnostics live in a field, not in the linter, so that they follow the text as it
// is edited until the next submit replaces them.
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

/**
 * An empty study editor in `parent`. Ctrl/Cmd+Enter calls `onSubmit()`; every change of the text
 * calls `onDocChanged()`.
 */
export function createStudyEditor(parent, { onSubmit, onDocChanged } = {}) {
  return new EditorView({
    parent,
    doc: '',
    extensions: [
      // Above basicSetup, whose Mod-Enter would otherwise insert a blank line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onSubmit?.(); return true; } }])),
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
      EditorView.updateListener.of((u) => { if (u.docChanged) onDocChanged?.(); }),
    ],
  });
}

/** Replaces the whole text and puts the cursor at its start. */
export function replaceText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
}

/**
 * Marks `errors` (`{id, path, message, from, to}`) in the editor, replacing those of the last
 * call. Returns their diagnostics, clamped to the text, each with its `id`, `path` and `line`.
 */
export function setServerErrors(view, errors) {
  const doc = view.state.doc;
  const diagnostics = errors.map((e) => {
    const d = clampDiagnostic({ from: e.from, to: e.to }, doc.length);
    return { ...d, id: e.id, path: e.path, line: doc.lineAt(d.from).number,
      severity: 'error', source: 'TuneLab', message: `${e.path}: ${e.message}` };
  });
  view.dispatch({ effects: setServerDiagnostics.of(diagnostics) });
  // Shown now, not after the linter's typing delay.
  forceLinting(view);
  return diagnostics;
}

export function clearServerErrors(view) {
  view.dispatch({ effects: setServerDiagnostics.of([]) });
}

/**
 * Puts the cursor on server error `id`, where edits since the submit have moved it; at the start
 * of `line` if that error is gone.
 */
export function goToServerError(view, id, line) {
  const doc = view.state.doc;
  const d = view.state.field(serverDiagnostics).find((x) => x.id === id);
  const pos = d ? Math.min(d.from, doc.length) : doc.line(Math.min(Number(line) || 1, doc.lines)).from;
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}
