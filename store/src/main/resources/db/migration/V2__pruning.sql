-- Early stopping: a trial may end PRUNED; rung and bracket are the pruners' bookkeeping, kept with
-- the trial so a restarted scheduler (and the leaderboard) see where each trial stands.
ALTER TABLE trial DROP CONSTRAINT trial_status_check;
ALTER TABLE trial ADD CONSTRAINT trial_status_check
  CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'PRUNED', 'FAILED', 'CANCELLED'));
ALTER TABLE trial ADD COLUMN rung integer NOT NULL DEFAULT -1;
ALTER TABLE trial ADD COLUMN bracket integer NOT NULL DEFAULT 0;
