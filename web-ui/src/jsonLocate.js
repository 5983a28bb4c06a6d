// Maps the JSON paths the API reports ($.template.layers[2].units) to ranges of the text the
// user wrote, so an error can be underlined where it is. Works on the text's own syntax tree,
// so formatting, comments and key order do not matter.

import { findNodeAtLocation, parseTree } from 'jsonc-parser';

/**
 * Splits "$.a.b[2]['c.d']" into [{key:'a'}, {key:'b'}, {index:2}, {key:'c.d'}]. Unparsable
 * trailing text ends the path where it stops making sense, so a garbled path still points at
 * the deepest part that could be read.
 */
export function parsePath(path) {
  const segments = [];
  const s = String(path ?? '').trim();
  let i = s.startsWith('$') ? 1 : 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      let j = i + 1;
      while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
      if (j > i + 1) segments.push({ key: s.slice(i + 1, j) });
      i = j;
    } else if (c === '[') {
      const q = s[i + 1];
      if (q === "'" || q === '"') {
        let j = i + 2;
        let key = '';
        while (j < s.length && s[j] !== q) {
          if (s[j] === '\\' && j + 1 < s.length) j++;
          key += s[j++];
        }
        segments.push({ key });
        i = s.indexOf(']', j);
        if (i < 0) break;
        i++;
      } else {
        const close = s.indexOf(']', i);
        if (close < 0) break;
        const inner = s.slice(i + 1, close).trim();
        segments.push(/^\d+$/.test(inner) ? { index: Number(inner) } : { key: inner });
        i = close + 1;
      }
    } else {
      // A path without the leading "$." ("template.layers"): read a bare key.
      let j = i;
      while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
      segments.push({ key: s.slice(i, j) });
      i = j;
    }
  }
  return segments;
}

/** 1-based line of a character offset. */
export function lineOf(text, offset) {
  let line = 1;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offset of a 1-based line and column (as Jackson reports them), clamped to the text. */
export function offsetOf(text, line, column = 1) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const max = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + Math.max(0, column - 1), max);
}

function child(node, segments, at) {
  const seg = segments[at];
  if (node.type === 'array' && seg.index !== undefined) {
    const found = findNodeAtLocation(node, [seg.index]);
    return found ? { node: found, used: 1 } : null;
  }
  if (node.type !== 'object') return null;
  const key = seg.index !== undefined ? String(seg.index) : seg.key;
  const found = findNodeAtLocation(node, [key]);
  if (found) return { node: found, used: 1 };
  // Parameter names may contain dots ("units.1"): "$.space.units.1" then names one key.
  let joined = key;
  for (let j = at + 1; j < segments.length && segments[j].key !== undefined; j++) {
    joined += `.${segments[j].key}`;
    const dotted = findNodeAtLocation(node, [joined]);
    if (dotted) return { node: dotted, used: j - at + 1 };
  }
  return null;
}

function rangeOf(text, node) {
  const parent = node.parent;
  const container = node.type === 'object' || node.type === 'array';
  // A whole object would underline many lines: name it by its key instead.
  if (container && parent?.type === 'property' && parent.children?.[0]) {
    const key = parent.children[0];
    return { from: key.offset, to: key.offset + key.length };
  }
  if (container) {
    const nl = text.indexOf('\n', node.offset);
    const lineEnd = nl < 0 ? text.length : nl;
    return { from: node.offset, to: Math.max(node.offset + 1, Math.min(node.offset + node.length, lineEnd)) };
  }
  return { from: node.offset, to: node.offset + node.length };
}

/**
 * The range of the node a JSON path names: `{from, to, line, exact}` (line 1-based). When the
 * node does not exist (a required field left out), the nearest existing ancestor is used and
 * `exact` is false. Text that does not parse to anything gives the start of the text.
 */
export function locate(text, path) {
  const doc = String(text ?? '');
  const tree = parseTree(doc, [], { allowTrailingComma: true, disallowComments: false });
  if (!tree) {
    const nl = doc.indexOf('\n');
    return { from: 0, to: Math.max(0, nl < 0 ? doc.length : nl), line: 1, exact: false };
  }
  const segments = parsePath(path);
  let node = tree;
  let i = 0;
  while (i < segments.length) {
    const next = child(node, segments, i);
    if (!next) break;
    node = next.node;
    i += next.used;
  }
  const { from, to } = rangeOf(doc, node);
  return { from, to, line: lineOf(doc, from), exact: i >= segments.length };
}
