// Token pages: a project's tokens (its admins create them for members and revoke them) and the
// signed-in user's own tokens. A new token's secret is shown once, then only its metadata.

import {
  createMyToken, createProjectToken, listMembers, listMyTokens, listProjectTokens, revokeMyToken, revokeProjectToken,
} from '../access/api.js';
import { tokenSecret } from '../access/tokenSecret.js';
import { fmtDate, h, placeholder, renderInto } from '../render.js';
import { isAdmin } from '../session.js';

export function mountProjectTokens(container, { project, setError }) {
  if (!isAdmin(project)) {
    container.replaceChildren(placeholder(`Only admins of ${project} see its tokens.`, 'tokens-forbidden'));
    return { destroy() {} };
  }
  return mountTokenPage(container, {
    title: ['Tokens of ', h('code', {}, project)],
    list: () => listProjectTokens(project),
    create: (body) => createProjectToken(project, body),
    revoke: (id) => revokeProjectToken(project, id),
    members: () => listMembers(project),
    note: 'A project token reaches this project only, with its user\'s role here.',
  }, setError);
}

export function mountMyTokens(container, { setError }) {
  return mountTokenPage(container, {
    title: 'My tokens',
    list: listMyTokens,
    create: createMyToken,
    revoke: revokeMyToken,
    members: null,
    note: 'A token acts as you, in all your projects or (made by a project\'s admin, or while you are signed in '
      + 'with such a token) in one project only.',
  }, setError);
}

const tokenStatus = (t, now = Date.now()) => {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && Date.parse(t.expiresAt) <= now) return 'expired';
  return 'active';
};

function mountTokenPage(container, source, setError) {
  const state = { tokens: null, members: null, busy: false };
  const user = h('select', { 'data-testid': 'token-user-select', 'aria-label': 'For member' });
  const name = h('input', { type: 'text', autocomplete: 'off', placeholder: 'name, e.g. laptop', 'data-testid': 'token-name-input' });
  const days = h('input', {
    type: 'number', min: 1, max: 3650, value: 30, placeholder: 'never', class: 'days', 'data-testid': 'token-days-input', 'aria-label': 'Expires in days',
  });
  const createButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'token-create' }, 'Create token');
  const form = h('form', { class: 'access-form inline', 'data-testid': 'token-create-form', novalidate: true },
    source.members ? h('label', {}, h('span', {}, 'For'), user) : null,
    h('label', {}, h('span', {}, 'Name'), name),
    h('label', {}, h('span', {}, 'Expires in'), days, h('span', {}, 'days')),
    createButton);
  const secretHost = h('div');
  const table = h('div', { class: 'table-wrap' });
  container.replaceChildren(
    h('div', { class: 'page-header' }, h('h2', {}, source.title)),
    h('p', { class: 'muted' }, source.note),
    form, secretHost,
    h('section', { class: 'card' }, table));

  const render = () => renderInto(table, JSON.stringify([state.tokens, state.busy]), () => {
    if (!state.tokens) return placeholder('Loading…', 'tokens-loading');
    if (!state.tokens.length) return placeholder('No tokens yet.', 'tokens-empty');
    const withUser = Boolean(source.members);
    return h('table', { class: 'grid', 'data-testid': 'tokens-table' },
      h('thead', {}, h('tr', {}, ['Name', withUser ? 'User' : 'Project', 'Status', 'Created', 'Expires', 'Last used', 'Revoked', '']
        .filter((x) => x !== false).map((x) => h('th', {}, x)))),
      h('tbody', {}, state.tokens.map((t) => {
        const status = tokenStatus(t);
        return h('tr', { 'data-testid': 'token-row', 'data-token-id': t.id, 'data-status': status },
          h('td', { 'data-testid': 'token-name' }, t.name || '—'),
          withUser
            ? h('td', { 'data-testid': 'token-user' }, t.user)
            : h('td', { 'data-testid': 'token-project' }, t.project ?? h('span', { class: 'muted' }, 'all')),
          h('td', {}, h('span', { class: `badge token-${status}`, 'data-testid': 'token-status' }, status)),
          h('td', { class: 'small' }, fmtDate(t.createdAt)),
          h('td', { class: 'small' }, t.expiresAt ? fmtDate(t.expiresAt) : 'never'),
          h('td', { class: 'small', 'data-testid': 'token-last-used' }, t.lastUsedAt ? fmtDate(t.lastUsedAt) : 'never'),
          h('td', { class: 'small' }, t.revokedAt ? fmtDate(t.revokedAt) : ''),
          h('td', {}, status === 'revoked' ? '' : h('button', {
            type: 'button', class: 'danger small-button', 'data-action': 'revoke', 'data-id': t.id,
            'data-name': t.name, 'data-testid': 'token-revoke', disabled: state.busy,
          }, 'Revoke')));
      })));
  });

  const load = async () => {
    try {
      const [tokens, members] = await Promise.all([source.list(), source.members?.()]);
      // Newest first; the server's order is not part of the contract.
      state.tokens = [...tokens].sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
      if (members) fillMembers(members);
      setError(null);
    } catch (e) {
      setError(`Could not load the tokens: ${e.message}`);
    }
    render();
  };

  const fillMembers = (members) => {
    const chosen = user.value;
    user.replaceChildren(...members.map((m) => h('option', { value: m.user }, `${m.user} (${m.role})`)));
    if (members.some((m) => m.user === chosen)) user.value = chosen;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Blank: the token never expires.
    const expiresInDays = days.value.trim() === '' ? null : Number(days.value);
    if (!name.value.trim() || (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650))) {
      setError('A token needs a name, and a whole number of days to live from 1 to 3650 (blank: never expires).');
      return;
    }
    const body = { name: name.value.trim(), expiresInDays, ...(source.members ? { user: user.value } : {}) };
    createButton.disabled = true;
    try {
      const created = await source.create(body);
      // "for <user>" only where an admin made it for someone.
      secretHost.replaceChildren(tokenSecret({ ...body, ...created, user: source.members ? created.user : null }));
      name.value = '';
      setError(null);
    } catch (e) {
      setError(`Could not create the token: ${e.message}`);
    }
    createButton.disabled = false;
    load();
  });

  table.addEventListener('click', async (event) => {
    const target = event.target.closest('[data-action=revoke]');
    if (!target || target.disabled) return;
    if (!window.confirm(`Revoke token “${target.dataset.name}”? Whoever uses it is signed out at once.`)) return;
    state.busy = true;
    render();
    try {
      await source.revoke(target.dataset.id);
    } catch (e) {
      setError(`Could not revoke the token: ${e.message}`);
    }
    state.busy = false;
    load();
  });

  render();
  load();
  return { destroy() {} };
}
