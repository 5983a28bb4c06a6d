// A new token's secret, shown once with a Copy button: the server keeps only its hash.

import { h } from '../render.js';

/** Copies `text`; the Clipboard API needs a secure context and permission, so a selection copy backs it up. */
async function copy(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input.select();
    return document.execCommand('copy');
  }
}

export function tokenSecret(created) {
  const input = h('input', {
    type: 'text', readonly: true, value: created.token, class: 'mono secret', spellcheck: 'false',
    'data-testid': 'token-secret', 'aria-label': 'New token',
  });
  const button = h('button', { type: 'button', 'data-testid': 'token-copy' }, 'Copy');
  button.addEventListener('click', async () => {
    button.textContent = (await copy(created.token, input)) ? 'Copied' : 'Copy failed: select it and copy by hand';
  });
  input.addEventListener('focus', () => input.select());
  return h('div', { class: 'token-secret', 'data-testid': 'token-secret-box', role: 'status' },
    h('p', {}, h('strong', {}, `Token “${created.name}”${created.user ? ` for ${created.user}` : ''} created. `),
      'Copy it now: it is shown only this once.'),
    h('div', { class: 'secret-row' }, input, button),
    h('p', { class: 'muted small' }, 'Sign in with it on the sign-in page, or send it as ',
      h('code', {}, 'Authorization: Bearer …'), ' to the API.'));
}
