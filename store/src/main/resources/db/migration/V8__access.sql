-- Who may do what: users hold roles in projects and sign in with API tokens. Only a token's
-- SHA-256 is kept, so a stolen database backup holds no usable credential.
CREATE TABLE app_user (
  name        text PRIMARY KEY,
  site_admin  boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE project_member (
  project_id  text NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  user_name   text NOT NULL REFERENCES app_user(name) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  PRIMARY KEY (project_id, user_name)
);
CREATE INDEX project_member_user ON project_member (user_name);

-- A user token with a project reaches only that project: a project admin can hand out access to
-- their project without reaching the user's others. A worker token belongs to no user.
CREATE TABLE api_token (
  id            uuid PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('user', 'worker')),
  user_name     text REFERENCES app_user(name) ON DELETE CASCADE,
  project_id    text REFERENCES project(id) ON DELETE CASCADE,
  name          text NOT NULL,
  hash          bytea NOT NULL UNIQUE,
  created_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  revoked_at    timestamptz,
  last_used_at  timestamptz,
  CHECK ((kind = 'user') = (user_name IS NOT NULL))
);
CREATE INDEX api_token_user ON api_token (user_name);
CREATE INDEX api_token_project ON api_token (project_id);

-- A worker credential reaches a trial's data only once it has claimed an attempt that was live
-- (dispatched to the workers) when it claimed it.
CREATE TABLE trial_claim (
  trial_id       uuid NOT NULL REFERENCES trial(id) ON DELETE CASCADE,
  attempt        integer NOT NULL,
  credential_id  uuid NOT NULL REFERENCES api_token(id) ON DELETE CASCADE,
  claimed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (trial_id, attempt, credential_id)
);
CREATE INDEX trial_claim_credential ON trial_claim (credential_id, trial_id);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  project_id  text REFERENCES project(id) ON DELETE CASCADE,
  actor       text NOT NULL,
  action      text NOT NULL,
  target      text,
  detail      text
);
CREATE INDEX audit_log_project ON audit_log (project_id, id DESC);
