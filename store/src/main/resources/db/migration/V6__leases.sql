-- Leases: a running trial is alive while its worker's events keep pushing this forward; when it
-- passes, the scheduler re-queues the trial as a new attempt (or fails it after the last one).
ALTER TABLE trial ADD COLUMN lease_expires_at timestamptz;
-- Trials running when this was applied had no lease: give their workers a minute to renew it.
UPDATE trial SET lease_expires_at = now() + interval '1 minute' WHERE status = 'RUNNING';
CREATE INDEX trial_running_lease ON trial (lease_expires_at) WHERE status = 'RUNNING';

-- A resumed attempt starts after its checkpoint's epoch, and an epoch the lost attempt reported
-- after that checkpoint is reported again: the learning curve takes each epoch from the newest
-- attempt that reported it, so it has neither gaps nor duplicates.
CREATE VIEW trial_curve AS
  SELECT DISTINCT ON (trial_id, epoch) trial_id, attempt, epoch, metrics_json
  FROM trial_metric
  ORDER BY trial_id, epoch, attempt DESC;

-- Workers report themselves every heartbeat; the API lists those seen lately.
CREATE TABLE worker (
  id            text PRIMARY KEY,
  device        text NOT NULL CHECK (device IN ('cpu', 'gpu')),
  memory_bytes  bigint NOT NULL,
  slots         integer NOT NULL,
  busy_slots    integer NOT NULL,
  host          text NOT NULL,
  started_at    timestamptz NOT NULL,
  last_seen     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX worker_last_seen ON worker (last_seen DESC);
