-- Everything belongs to a project so that access control can come later without reshaping data.
CREATE TABLE project (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO project (id, name) VALUES ('default', 'Default project');

CREATE TABLE dataset (
  id            text PRIMARY KEY,
  project_id    text NOT NULL REFERENCES project(id),
  name          text NOT NULL,
  task          text NOT NULL CHECK (task IN ('classification', 'regression')),
  label_column  text NOT NULL,
  columns_json  text NOT NULL,
  classes_json  text,
  row_count     integer NOT NULL,
  builtin       boolean NOT NULL DEFAULT false,
  size_bytes    bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Kept apart so that listing datasets never reads their bytes.
CREATE TABLE dataset_content (
  dataset_id  text PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
  csv         bytea NOT NULL
);

CREATE TABLE study (
  id               uuid PRIMARY KEY,
  project_id       text NOT NULL REFERENCES project(id),
  name             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
  dataset_id       text NOT NULL REFERENCES dataset(id),
  spec_json        text NOT NULL,
  direction        text NOT NULL CHECK (direction IN ('maximize', 'minimize')),
  planned_trials   integer NOT NULL,
  parallel_trials  integer NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  message          text
);
CREATE INDEX study_project_created ON study (project_id, created_at DESC);
CREATE INDEX study_active ON study (status) WHERE status IN ('PENDING', 'RUNNING');

CREATE TABLE trial (
  id           uuid PRIMARY KEY,
  study_id     uuid NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  project_id   text NOT NULL REFERENCES project(id),
  number       integer NOT NULL,
  attempt      integer NOT NULL DEFAULT 1,
  status       text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
  params_json  text NOT NULL,
  model_json   text NOT NULL,
  objective    double precision,
  epochs_done  integer NOT NULL DEFAULT 0,
  last_metrics_json text,
  worker       text,
  message      text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz,
  UNIQUE (study_id, number)
);
CREATE INDEX trial_study_status ON trial (study_id, status);
CREATE INDEX trial_study_objective ON trial (study_id, objective);

CREATE TABLE trial_metric (
  trial_id      uuid NOT NULL REFERENCES trial(id) ON DELETE CASCADE,
  attempt       integer NOT NULL,
  epoch         integer NOT NULL,
  metrics_json  text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (trial_id, attempt, epoch)
);

CREATE TABLE artifact (
  trial_id         uuid PRIMARY KEY REFERENCES trial(id) ON DELETE CASCADE,
  attempt          integer NOT NULL,
  content          bytea NOT NULL,
  model_card_json  text NOT NULL,
  size_bytes       bigint NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Transactional outbox: a row commits with the state change it announces; a relay publishes it.
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  topic         text NOT NULL,
  msg_key       text NOT NULL,
  payload       text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
