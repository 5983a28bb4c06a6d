-- Each trial's newest checkpoint (any attempt): a re-queued attempt resumes after its epoch
-- instead of training from scratch. One row per trial, replaced as later epochs arrive; epoch
-- numbers continue across attempts, so the highest epoch is the newest state.
CREATE TABLE checkpoint (
  trial_id    uuid PRIMARY KEY REFERENCES trial(id) ON DELETE CASCADE,
  attempt     integer NOT NULL,
  epoch       integer NOT NULL CHECK (epoch >= 1),
  content     bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
