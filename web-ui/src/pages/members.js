// A project's members: everyone in the project may see who is in it; its admins add people,
// change roles and remove them.

import { listMembers, putMember, removeMember } from '../access/api.js';
import { h, placeholder, renderInto } from '../render.js';
import { isAdmin, loadSession, session } from '../session.js';

export const ROLES = ['viewer', 'editor', 'admin'];
// The server's pattern for user names.
const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

const roleSelect = (value, attrs) =>
  h('select', attrs, ROLES.map((r) => h('option', { value: r, selected: r === value }, r)));

export function mountMembers(container, { project, setError }) {
  const admin = isAdmin(project);
  const state = { members: null, busy: false };
  const table = h('div', { class: 'table-wrap' });
  const user = h('input', { type: 'text', autocomplete: 'off', placeholder: 'user name, e.g. bob', 'data-testid': 'member-user-input' });
  const role = roleSelect('editor', { 'data-testid': 'member-role-select', 'aria-label': 'Role' });
  const addButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'member-add' }, 'Add member');
  const addForm = h('form', { class: 'access-form inline', 'data-testid': 'member-add-form', novalidate: true },
    user, role, addButton);
  container.replaceChildren(
    h('div', { class: 'page-header' }, h('h2', {}, 'Members of ', h('code', {}, project))),
    admin ? addForm : h('p', { class: 'muted', 'data-testid': 'members-read-only' }, 'Only the project\'s admins can change its members.'),
    h('section', { class: 'card' }, table));

  const render = () => renderInto(table, JSON.stringify([state.members, state.busy]), () => {
    if (!state.members) return placeholder('Loading…', 'members-loading');
    const me = session()?.user;
    return h('table', { class: 'grid', 'data-testid': 'members-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'User'), h('th', {}, 'Role'), admin && h('th', {}, ''))),
      h('tbody', {}, state.members.map((m) => h('tr', { 'data-testid': 'member-row', 'data-user': m.user },
        h('td', {}, m.user, m.user === me ? h('span', { class: 'muted' }, ' (you)') : null),
        h('td', { 'data-testid': 'member-role' }, admin
          ? roleSelect(m.role, { 'data-action': 'role', 'data-user': m.user, 'data-testid': 'member-role-change', disabled: state.busy, 'aria-label': `Role of ${m.user}` })
          : m.role),
        admin && h('td', {}, h('button', {
          type: 'button', class: 'danger small-button', 'data-action': 'remove', 'data-user': m.user,
          'data-testid': 'member-remove', disabled: state.busy,
        }, 'Remove'))))));
  });

  const load = async () => {
    try {
      state.members = await listMembers(project);
      setError(null);
    } catch (e) {
      setError(`Could not load the members: ${e.message}`);
    }
    render();
  };

  /** Runs a change, then re-reads the list (and the session, whose own role may have changed). */
  const change = async (what, fn) => {
    state.busy = true;
    render();
    try {
      await fn();
      setError(null);
    } catch (e) {
      setError(e.status === 409 ? `${what}: ${e.detail || 'a project keeps at least one admin'}` : `${what}: ${e.message}`);
    }
    state.busy = false;
    await load();
    await loadSession().catch(() => {});
  };

  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = user.value.trim();
    if (!USER_NAME.test(name)) {
      setError('A user name is 1 to 40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.');
      return;
    }
    change(`Could not add ${name}`, async () => {
      await putMember(project, name, role.value);
      user.value = '';
    });
  });
  table.addEventListener('change', (event) => {
    const target = event.target.closest('[data-action=role]');
    if (target) change(`Could not change the role of ${target.dataset.user}`, () => putMember(project, target.dataset.user, target.value));
  });
  table.addEventListener('click', (event) => {
    const target = event.target.closest('[data-action=remove]');
    if (!target || target.disabled) return;
    const name = target.dataset.user;
    // The server revokes the tokens made for them in this project.
    if (!window.confirm(`Remove ${name} from ${project}? Their tokens for it stop working.`)) return;
    change(`Could not remove ${name}`, () => removeMember(project, name));
  });

  render();
  load();
  return { destroy() {} };
}
