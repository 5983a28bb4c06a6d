-- Architecture search: a sampled point whose network cannot exist is recorded as SKIPPED with the
-- reason instead of being trained; every trial keeps its network's parameter count.
ALTER TABLE trial DROP CONSTRAINT trial_status_check;
ALTER TABLE trial ADD CONSTRAINT trial_status_check
  CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'PRUNED', 'SKIPPED', 'FAILED', 'CANCELLED'));
ALTER TABLE trial ADD COLUMN param_count bigint;

-- The held-out test split: the best trial is evaluated on it once, after the study ends.
ALTER TABLE study ADD COLUMN test_trial_number integer;
ALTER TABLE study ADD COLUMN test_metrics_json text;
ALTER TABLE study ADD COLUMN test_message text;
