// The sign-in page: paste an API token; the server turns it into the session cookie. The token
// itself is never stored by the page.

import { signIn } from '../access/api.js';
import { h } from '../render.js';

/**
 * `linkFailed`: the server's /signin?token= link was refused and sent the browser here.
 * `onSignedIn()` is called once the cookie is set.
 */
export function mountSignIn(container, { linkFailed = false, onSignedIn }) {
  const token = h('input', {
    type: 'password', id: 'signin-token', autocomplete: 'off', spellcheck: 'false', required: true,
    placeholder: 'tl_…', 'data-testid': 'signin-token',
  });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'signin-submit' }, 'Sign in');
  const status = h('p', { class: 'error', 'data-testid': 'signin-error', role: 'status', hidden: !linkFailed },
    linkFailed ? 'That sign-in link did not work: its token is unknown, revoked or expired.' : '');
  const form = h('form', { class: 'card signin access-form stacked', 'data-testid': 'signin-form', novalidate: true },
    h('h2', {}, 'Sign in to TuneLab'),
    h('p', { class: 'muted' }, 'Paste an API token. A project admin creates one for you on the project\'s Tokens page; '
      + 'the first admin token is printed in the server\'s log at its first start.'),
    h('label', { for: 'signin-token' }, h('span', {}, 'Token'), token),
    status,
    h('div', { class: 'actions' }, submit));
  container.replaceChildren(form);
  token.focus();

  let destroyed = false;
  const say = (message) => {
    status.hidden = !message;
    status.textContent = message || '';
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = token.value.trim();
    if (!value) {
      say('Paste a token first.');
      return;
    }
    submit.disabled = true;
    say('');
    try {
      await signIn(value);
    } catch (e) {
      if (destroyed) return;
      submit.disabled = false;
      say(e.status === 401 ? 'That token is unknown, revoked or expired.' : `Could not sign in: ${e.message}`);
      return;
    }
    if (!destroyed) onSignedIn();
  });

  return { destroy: () => { destroyed = true; } };
}
