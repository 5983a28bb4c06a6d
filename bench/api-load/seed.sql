-- N finished trials with their epoch metrics for one study, as bench/leaderboard.sh seeds its
-- studies (same space, fates and curves), written straight into PostgreSQL: training 100,000
-- networks is not what is measured. Variables: trials, study.
set synchronous_commit = off;
delete from trial where study_id = :'study';
select setseed(0.4242);
create temp table seed as
select g as number, gen_random_uuid() as id,
       4 + floor(random() * 253)::int as units,
       (array['relu','tanh','elu'])[1 + floor(random() * 3)::int] as activation,
       random() * 0.5 as dropout,
       exp(ln(1e-4) + random() * (ln(0.1) - ln(1e-4))) as lr,
       (array['adam','sgd','rmsprop'])[1 + floor(random() * 3)::int] as optimizer,
       random() as u_status, random() as u_prune, random() as u_epochs, random() as noise, random() as u_time
from generate_series(0, :trials - 1) g;
create temp table t as
select s.*, least(0.99, greatest(0.34, 0.30
      + 0.55 * exp(-power(log(lr) + 2, 2) / 0.9) * (0.55 + 0.45 * (1 - exp(-units / 48.0)))
      - 0.25 * power(dropout - 0.15, 2)
      + case activation when 'relu' then 0.03 when 'elu' then 0.02 else 0 end
      + case optimizer when 'adam' then 0.06 when 'rmsprop' then 0.04 else 0 end
      + (noise - 0.5) * 0.08)) as target,
  null::text as status, 0 as epochs, null::timestamptz as started_at, null::timestamptz as finished_at
from seed s;
select percentile_cont(0.33) within group (order by target + (u_prune - 0.5) * 0.15) as cut from t \gset
update t set status = case when u_status < 0.03 then 'SKIPPED' when u_status < 0.10 then 'FAILED'
                           when target + (u_prune - 0.5) * 0.15 < :cut then 'PRUNED' else 'COMPLETED' end;
update t set epochs = case status when 'COMPLETED' then 5 when 'PRUNED' then 1 + floor(u_epochs * 4)::int
                                  when 'FAILED' then floor(u_epochs * 3)::int else 0 end,
  started_at = case when status <> 'SKIPPED' then now() - interval '30 days' + (number::float8 / :trials) * interval '30 days' end;
update t set finished_at = coalesce(started_at, now() - interval '30 days' + (number::float8 / :trials) * interval '30 days')
  + make_interval(secs => greatest(epochs, 0.05) * (1.5 + units / 40.0) * (0.7 + 0.6 * u_time));
create function pg_temp.acc(target float8, e int) returns float8 language sql immutable as
  $$ select round(30 * (0.33 + (target - 0.33) * (1 - exp(-0.9 * e)) / (1 - exp(-4.5)))) / 30 $$;
create function pg_temp.metrics(target float8, e int) returns text language sql immutable as $$
  select format('{"loss":%s,"accuracy":%s,"val_loss":%s,"val_accuracy":%s}',
    round((0.9 * -ln(greatest(pg_temp.acc(target, e), 0.05)) + 0.04)::numeric, 6),
    round(least(1, pg_temp.acc(target, e) + 0.012)::numeric, 6),
    round((-ln(greatest(pg_temp.acc(target, e), 0.05)) + 0.05)::numeric, 6),
    pg_temp.acc(target, e)) $$;
update study set status = 'COMPLETED', message = null, created_at = now() - interval '30 days', finished_at = now(),
  planned_trials = :trials
where id = :'study';
insert into trial (id, study_id, project_id, number, attempt, status, params_json, model_json, objective, epochs_done,
                   last_metrics_json, worker, message, created_at, started_at, finished_at, rung, bracket, param_count)
select id, :'study', 'default', number, 1, status,
  format('{"units":%s,"activation":"%s","dropout":%s,"lr":%s,"optimizer":"%s"}', units, activation, dropout, lr, optimizer),
  format('{"layers":[{"type":"Dense","units":%s,"activation":"%s","use_bias":true,"kernel_initializer":"glorot_uniform"},'
         '{"type":"Dropout","rate":%s}],"output":{"units":3,"activation":"softmax","loss":"categorical_crossentropy"},'
         '"optimizer":"%s","learningRate":%s,"batchSize":16,"optimizerArgs":{},"inputShape":[4],"paramCount":%s}',
         units, activation, dropout, optimizer, lr, 8 * units + 3),
  case when status in ('COMPLETED', 'PRUNED') then pg_temp.acc(target, epochs) end,
  epochs,
  case when epochs > 0 then pg_temp.metrics(target, epochs) end,
  case when status <> 'SKIPPED' then (array['node-a/4711','node-b/5120','node-c/3307','node-d/6012'])[1 + number % 4] end,
  case status when 'PRUNED' then format('pruned: below the median of completed trials at epoch %s', epochs)
              when 'FAILED' then format('java.lang.IllegalStateException: loss is NaN at epoch %s', epochs + 1)
              when 'SKIPPED' then 'skipped: $.layers[0].units: the network would not fit the input' end,
  coalesce(started_at, finished_at) - interval '1 second', started_at, finished_at,
  case when status = 'PRUNED' then epochs - 1 else -1 end, 0,
  case when status <> 'SKIPPED' then 8 * units + 3 end
from t;
insert into trial_metric (trial_id, attempt, epoch, metrics_json, recorded_at)
select id, 1, e, pg_temp.metrics(target, e), started_at + (finished_at - started_at) * e / epochs
from t cross join lateral generate_series(1, t.epochs) e
where epochs > 0;
vacuum analyze study;
vacuum analyze trial;
vacuum analyze trial_metric;
