// Who sees what, in the browser: the admin makes a project, adds bob to it and gives him a token;
// bob signs in with it and finds nothing of the admin's default project, not in his list, not by
// id, not on the live stream. A viewer is offered no write actions, and a revoked token signs its
// user out at once. Screenshots go to target/e2e/screenshots.

import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, apiAs, expect, expectErrors, signedInPage, test, watchErrors } from './fixtures.js';

const SHOTS = fileURLToPath(new URL('../target/e2e/screenshots/', import.meta.url));
const shot = (page, name) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

/** A study on the built-in iris set; small unless told otherwise. */
const study = (name, { trials = 1, epochs = 1 } = {}) => ({
  name,
  dataset: 'iris',
  objective: { metric: 'val_accuracy', direction: 'maximize' },
  algorithm: { name: 'random', seed: 1 },
  budget: { maxTrials: trials, parallelTrials: 1, epochs },
  space: { units: { type: 'int', min: 4, max: 16 } },
  template: {
    layers: [{ type: 'Dense', units: { param: 'units' }, activation: 'relu' }],
    optimizer: 'adam', learning_rate: 0.01, batch_size: 16,
  },
});

async function submit(request, project, body) {
  const res = await request.post(`/api/v1/studies?project=${project}`, { data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

// What the browser logs for requests refused on purpose here, and for the event stream of a
// study that the user cannot see.
const REFUSED = (status, path) =>
  new RegExp(`^console\\.error: Failed to load resource: the server responded with a status of ${status} .*\\(http://[^/]+/api/v1/${path}`);
const STREAM_REFUSED = /^console\.error: EventSource's response has .* Aborting the connection\./;

test.describe.serial('projects, members and tokens', () => {
  /** @type {import('@playwright/test').Page} */
  let admin;
  /** @type {import('@playwright/test').Page} */
  let bob;
  let bobToken;
  let adminStudy;
  let secondStudy;

  test.beforeAll(async ({ browser }) => {
    admin = await signedInPage(browser);
  });

  test.afterAll(async ({ playwright, baseURL }) => {
    await admin.close();
    await bob?.context().close();
    // Should a test have stopped before bob cancelled it, the long study would keep the workers
    // busy for the other specs.
    if (secondStudy) {
      const api = await apiAs(playwright, baseURL, ADMIN_TOKEN);
      await api.post(`/api/v1/studies/${secondStudy}/cancel`);
      await api.dispose();
    }
  });

  test('the admin creates project "second", adds bob as an editor and makes him a token', async ({ request }) => {
    adminStudy = await submit(request, 'default', study(`Admin's own study ${Date.now()}`));
    await expect(admin.getByTestId('signed-in-user')).toHaveText('admin');

    await admin.getByTestId('project-select').selectOption({ label: 'New project…' });
    await expect(admin.getByTestId('project-dialog')).toBeVisible();
    await admin.getByTestId('project-id-input').fill('second');
    await admin.getByTestId('project-name-input').fill('Second project');
    await admin.getByTestId('project-create').click();
    await expect(admin.getByTestId('project-dialog')).toBeHidden();
    await expect(admin.getByTestId('project-select')).toHaveValue('second');
    // The new project's list is empty: the default project's studies are not in it.
    await expect(admin.getByTestId('studies-empty')).toBeVisible();

    await admin.getByTestId('nav-members').click();
    await expect(admin).toHaveURL(/#\/project\/second\/members$/);
    await expect(admin.locator('[data-testid=member-row][data-user=admin]')).toContainText('(you)');
    await admin.getByTestId('member-user-input').fill('bob');
    await admin.getByTestId('member-role-select').selectOption('editor');
    await admin.getByTestId('member-add').click();
    await expect(admin.locator('[data-testid=member-row][data-user=bob] [data-testid=member-role-change]')).toHaveValue('editor');
    await shot(admin, 'members');

    await admin.getByTestId('nav-tokens').click();
    await expect(admin).toHaveURL(/#\/project\/second\/tokens$/);
    await admin.getByTestId('token-user-select').selectOption('bob');
    await admin.getByTestId('token-name-input').fill('bob laptop');
    await admin.getByTestId('token-days-input').fill('30');
    await admin.getByTestId('token-create').click();
    const secret = admin.getByTestId('token-secret');
    await expect(secret).toHaveValue(/^tl_[A-Za-z0-9_-]{43}$/);
    bobToken = await secret.inputValue();
    await admin.getByTestId('token-copy').click();
    await expect(admin.getByTestId('token-copy')).toHaveText('Copied');
    const row = admin.getByTestId('token-row').filter({ hasText: 'bob laptop' });
    await expect(row.getByTestId('token-user')).toHaveText('bob');
    await expect(row.getByTestId('token-status')).toHaveText('active');
    await expect(row.getByTestId('token-last-used')).toHaveText('never');
    await shot(admin, 'tokens');

    await admin.getByTestId('nav-audit').click();
    await expect(admin.getByTestId('audit-row').first()).toBeVisible();
    await expect(admin.getByTestId('audit-table')).toContainText('bob');
    await shot(admin, 'audit');
  });

  test('bob signs in and finds nothing of the default project', async ({ browser, playwright, baseURL }) => {
    // A context of his own: no cookie of the admin's.
    bob = await (await browser.newContext()).newPage();
    watchErrors(bob);
    expectErrors(REFUSED(401, 'me'), REFUSED(401, 'session'), REFUSED(404, 'studies/'), REFUSED(404, 'events'), STREAM_REFUSED);

    // Signed out, a link to the admin's study leads to the sign-in page first.
    await bob.goto(`/#/study/${adminStudy}`);
    await expect(bob).toHaveURL(/#\/signin\?next=/);
    await expect(bob.getByTestId('signin-form')).toBeVisible();
    await bob.getByTestId('signin-token').fill('tl_not-a-token');
    await bob.getByTestId('signin-submit').click();
    await expect(bob.getByTestId('signin-error')).toContainText('unknown, revoked or expired');
    await shot(bob, 'signin');

    await bob.getByTestId('signin-token').fill(bobToken);
    await bob.getByTestId('signin-submit').click();
    // Back where he was going; but for bob the admin's study does not exist.
    await expect(bob).toHaveURL(new RegExp(`#/study/${adminStudy}$`));
    await expect(bob.getByTestId('study-not-found')).toBeVisible();
    await expect(bob.getByTestId('signed-in-user')).toHaveText('bob');
    await shot(bob, 'bob-study-not-found');

    const projects = bob.getByTestId('project-select');
    await expect(projects).toHaveValue('second');
    // His token reaches project "second" only, so it cannot start another project either.
    expect(await projects.locator('option').allTextContents()).toEqual(['Second project (editor)']);
    await expect(bob.getByTestId('nav-members')).toBeVisible();
    await expect(bob.getByTestId('nav-tokens')).toHaveCount(0);
    await expect(bob.getByTestId('nav-new')).toBeVisible();

    await bob.getByTestId('nav-studies').click();
    await expect(bob.getByTestId('studies-empty')).toBeVisible();
    await expect(bob.locator(`[data-study-id="${adminStudy}"]`)).toHaveCount(0);
    await shot(bob, 'bob-studies');

    // The API agrees, also without a project filter.
    const api = await apiAs(playwright, baseURL, bobToken);
    const all = await (await api.get('/api/v1/studies')).json();
    expect(all.filter((s) => s.id === adminStudy || s.project !== 'second')).toEqual([]);
    expect((await api.get(`/api/v1/studies/${adminStudy}`)).status()).toBe(404);
    await api.dispose();
  });

  test("the live stream tells bob nothing of the admin's project", async ({ request }) => {
    await expect(bob.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
    // Besides the page's own stream (of project "second"), one unfiltered: everything bob may see.
    await bob.evaluate(() => new Promise((resolve, reject) => {
      window.__events = [];
      const source = new EventSource('/api/v1/events');
      for (const kind of ['study', 'trial']) source.addEventListener(kind, (e) => window.__events.push(e.data));
      source.addEventListener('open', resolve);
      source.addEventListener('error', () => reject(new Error('the event stream failed')));
    }));

    const hiddenName = `Admin's, not for bob ${Date.now()}`;
    const hidden = await submit(request, 'default', study(hiddenName));
    // Long enough to still be running in the next test, which cancels it.
    const visibleName = `In project second ${Date.now()}`;
    secondStudy = await submit(request, 'second', study(visibleName, { trials: 200, epochs: 50 }));

    const visibleRow = bob.locator(`[data-testid=study-row][data-study-id="${secondStudy}"]`);
    await expect(visibleRow).toBeVisible();
    await expect.poll(() => bob.evaluate((id) => window.__events.some((e) => e.includes(id)), secondStudy)).toBe(true);
    // Give the hidden study's changes time to arrive, were they to be sent.
    await bob.waitForTimeout(3000);
    await expect(bob.getByTestId('study-row')).toHaveCount(1);
    await expect(bob.getByTestId('study-row').filter({ hasText: hiddenName })).toHaveCount(0);
    const leaked = await bob.evaluate((id) => window.__events.filter((e) => e.includes(id)), hidden);
    expect(leaked).toEqual([]);
    await shot(bob, 'bob-live');
  });

  test('a viewer is offered no write actions; an editor cancels', async ({ browser, request }) => {
    const put = await request.put('/api/v1/projects/second/members/carol', { data: { role: 'viewer' } });
    expect(put.status(), await put.text()).toBe(200);
    const made = await request.post('/api/v1/projects/second/tokens', { data: { user: 'carol', name: 'carol', expiresInDays: 1 } });
    expect(made.status(), await made.text()).toBe(201);
    const carol = await signedInPage(browser, { token: (await made.json()).token });
    try {
      const row = carol.locator(`[data-testid=study-row][data-study-id="${secondStudy}"]`);
      await expect(row).toBeVisible();
      await expect(row.getByTestId('status-badge')).toHaveText(/PENDING|RUNNING/);
      await expect(row.getByTestId('study-cancel')).toHaveCount(0);
      await expect(carol.getByTestId('new-study-link')).toHaveCount(0);
      await expect(carol.getByTestId('nav-new')).toBeHidden();
      await shot(carol, 'viewer-studies');

      await row.getByTestId('study-name').click();
      await expect(carol.getByTestId('detail-name')).toBeVisible();
      await expect(carol.getByTestId('cancel-button')).toHaveCount(0);
      await carol.goto('/#/new');
      await expect(carol.getByTestId('new-study-forbidden')).toBeVisible();
      await expect(carol.getByTestId('dataset-upload-form')).toHaveCount(0);
      await carol.getByTestId('nav-members').click();
      await expect(carol.getByTestId('members-read-only')).toBeVisible();
      await expect(carol.getByTestId('member-remove')).toHaveCount(0);
      await expect(carol.getByTestId('member-row')).toHaveCount(3);

      await carol.getByTestId('sign-out').click();
      await expect(carol.getByTestId('signin-form')).toBeVisible();
      await expect(carol.getByTestId('signed-in-user')).toHaveCount(0);
    } finally {
      await carol.close();
    }

    // Bob is an editor: he may cancel it.
    const bobRow = bob.locator(`[data-testid=study-row][data-study-id="${secondStudy}"]`);
    await bobRow.getByTestId('study-cancel').click();
    await expect(bobRow.getByTestId('status-badge')).toHaveText('CANCELLED');
  });

  test("revoking bob's token signs him out at once", async () => {
    await admin.getByTestId('nav-tokens').click();
    const row = admin.getByTestId('token-row').filter({ hasText: 'bob laptop' });
    await expect(row.getByTestId('token-last-used')).not.toHaveText('never');
    admin.once('dialog', (d) => d.accept());
    await row.getByTestId('token-revoke').click();
    await expect(row.getByTestId('token-status')).toHaveText('revoked');
    await shot(admin, 'tokens-revoked');

    expectErrors(REFUSED(401, ''), STREAM_REFUSED);
    await bob.getByTestId('nav-members').click();
    await expect(bob).toHaveURL(/#\/signin\?next=/);
    await expect(bob.getByTestId('signin-form')).toBeVisible();
  });

  test('my tokens: create one, see it once, revoke it', async () => {
    await admin.getByTestId('nav-my-tokens').click();
    await admin.getByTestId('token-name-input').fill('admin cli');
    await admin.getByTestId('token-create').click();
    await expect(admin.getByTestId('token-secret')).toHaveValue(/^tl_/);
    const row = admin.getByTestId('token-row').filter({ hasText: 'admin cli' });
    await expect(row.getByTestId('token-status')).toHaveText('active');
    await shot(admin, 'my-tokens');
    admin.once('dialog', (d) => d.accept());
    await row.getByTestId('token-revoke').click();
    await expect(row.getByTestId('token-status')).toHaveText('revoked');
  });
});
