-- Live pages: every change to a study or trial takes the next number of one sequence, so the API
-- can stream "what changed after N" to browsers, and a page that lost its connection catches up
-- from the last number it saw.
CREATE SEQUENCE change_seq;
ALTER TABLE study ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('change_seq');
ALTER TABLE trial ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('change_seq');

CREATE FUNCTION trial_change_seq() RETURNS trigger AS $$
BEGIN
  -- Workers renew a running trial's lease every few seconds; that alone is not news for a page.
  IF TG_OP = 'UPDATE'
     AND (NEW.status, NEW.attempt, NEW.objective, NEW.epochs_done, NEW.last_metrics_json, NEW.worker,
          NEW.message, NEW.param_count, NEW.started_at, NEW.finished_at, NEW.rung, NEW.params_json)
         IS NOT DISTINCT FROM
         (OLD.status, OLD.attempt, OLD.objective, OLD.epochs_done, OLD.last_metrics_json, OLD.worker,
          OLD.message, OLD.param_count, OLD.started_at, OLD.finished_at, OLD.rung, OLD.params_json) THEN
    NEW.change_seq := OLD.change_seq;
  ELSE
    NEW.change_seq := nextval('change_seq');
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER trial_change_seq BEFORE INSERT OR UPDATE ON trial
  FOR EACH ROW EXECUTE FUNCTION trial_change_seq();

CREATE FUNCTION study_change_seq() RETURNS trigger AS $$
BEGIN
  NEW.change_seq := nextval('change_seq');
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER study_change_seq BEFORE INSERT OR UPDATE ON study
  FOR EACH ROW EXECUTE FUNCTION study_change_seq();

CREATE INDEX trial_change ON trial (change_seq);
CREATE INDEX trial_study_change ON trial (study_id, change_seq);
CREATE INDEX study_change ON study (change_seq);
