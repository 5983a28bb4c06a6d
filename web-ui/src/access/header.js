// The header's access controls: the project switcher (with "New project…"), the project's admin
// pages, the signed-in user with "My tokens" and "Sign out".

import { createProject, signOut } from './api.js';
import { h } from '../render.js';
import { currentProject, isAdmin, loadSession, onSessionChange, session, setProject } from '../session.js';

const NEW_PROJECT = '\u0000new';
// The server's pattern for project ids and user names.
const PROJECT_ID = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/**
 * Fills `host` (in the top bar) and `navHost` (after the Studies links) and keeps them in step
 * with the session. `onSignedOut()` is called after the server ended the session.
 */
export function mountAccessHeader(host, navHost, { onSignedOut, setError }) {
  const dialog = createProjectDialog({ setError });
  document.body.append(dialog.el);

  const render = () => {
    const me = session();
    if (!me) {
      host.replaceChildren();
      navHost.replaceChildren();
      return;
    }
    const project = currentProject();
    const select = h('select', { class: 'project-select', 'data-testid': 'project-select', 'aria-label': 'Project' },
      me.projects.map((p) => h('option', { value: p.id, selected: p.id === project }, `${p.name || p.id} (${p.role})`)),
      // A token bound to one project cannot start another.
      me.boundTo ? null : h('option', { value: NEW_PROJECT }, 'New project…'));
    if (!me.projects.length) select.prepend(h('option', { value: '', selected: true }, 'No project'));
    select.addEventListener('change', () => {
      if (select.value === NEW_PROJECT) {
        select.value = project ?? '';
        dialog.open();
      } else {
        setProject(select.value);
      }
    });
    const none = me.authMode === 'none';
    host.replaceChildren(
      h('label', { class: 'project-switch' }, h('span', {}, 'Project'), select),
      h('span', { class: 'user', 'data-testid': 'signed-in-user', title: me.siteAdmin ? 'site admin' : null },
        none ? 'authentication off' : me.user),
      h('a', { href: '#/me/tokens', class: 'header-link', 'data-nav': 'my-tokens', 'data-testid': 'nav-my-tokens' }, 'My tokens'),
      none ? null : h('button', { type: 'button', class: 'sign-out', 'data-testid': 'sign-out' }, 'Sign out'));
    host.querySelector('.sign-out')?.addEventListener('click', async () => {
      try {
        await signOut();
      } catch (e) {
        setError(`Sign-out failed: ${e.message}`);
        return;
      }
      onSignedOut();
    });
    const base = project ? `#/project/${encodeURIComponent(project)}` : null;
    navHost.replaceChildren(...(base ? [
      h('a', { href: `${base}/members`, 'data-nav': 'members', 'data-testid': 'nav-members' }, 'Members'),
      isAdmin() && h('a', { href: `${base}/tokens`, 'data-nav': 'tokens', 'data-testid': 'nav-tokens' }, 'Tokens'),
      isAdmin() && h('a', { href: `${base}/audit`, 'data-nav': 'audit', 'data-testid': 'nav-audit' }, 'Audit'),
    ].filter(Boolean) : []));
  };

  onSessionChange(render);
  render();
}

/** "New project": an id and a name; the creator becomes its admin and it becomes the current project. */
function createProjectDialog({ setError }) {
  const id = h('input', {
    type: 'text', maxlength: 40, autocomplete: 'off',
    placeholder: 'vision', 'data-testid': 'project-id-input',
  });
  const name = h('input', { type: 'text', autocomplete: 'off', placeholder: 'Vision team', 'data-testid': 'project-name-input' });
  const status = h('p', { class: 'error small', 'data-testid': 'project-create-status', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'project-create' }, 'Create');
  const cancel = h('button', { type: 'button', 'data-testid': 'project-create-cancel' }, 'Cancel');
  const form = h('form', { method: 'dialog', class: 'access-form stacked' },
    h('h3', {}, 'New project'),
    h('label', {}, h('span', {}, 'Id'), id, h('small', { class: 'muted' }, 'lower-case letters, digits, ".", "_" and "-", up to 40')),
    h('label', {}, h('span', {}, 'Name'), name),
    status,
    h('div', { class: 'actions' }, submit, cancel));
  const el = h('dialog', { class: 'access-dialog', 'data-testid': 'project-dialog' }, form);
  const say = (message) => {
    status.hidden = !message;
    status.textContent = message || '';
  };

  cancel.addEventListener('click', () => el.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const projectId = id.value.trim();
    if (!PROJECT_ID.test(projectId)) {
      say('The id is 1 to 40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.');
      return;
    }
    submit.disabled = true;
    try {
      await createProject(projectId, name.value.trim() || projectId);
      // The new project is in /me from now on; reload it so the switcher lists it, then pick it.
      await loadSession();
      setProject(projectId);
      el.close();
      setError(null);
    } catch (e) {
      say(e.errors?.length ? e.errors.map((x) => `${x.path}: ${x.message}`).join(' · ') : e.message);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    el,
    open() {
      id.value = '';
      name.value = '';
      say('');
      el.showModal();
      id.focus();
    },
  };
}
