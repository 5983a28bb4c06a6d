package dev.tunelab.scheduler;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.sampling.Sampler;
import dev.tunelab.core.sampling.StudyHistory;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.core.template.TemplateResolver;
import dev.tunelab.scheduler.samplers.Samplers;
import dev.tunelab.store.DatasetEntity;
import dev.tunelab.store.Outbox;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.StudyStatus;
import dev.tunelab.store.TrialEntity;
import dev.tunelab.store.TrialStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps each active study at its parallelism: asks the sampler for points, records the trials and
 * queues their run commands in the outbox, all in the transaction that holds the study's row lock.
 */
@ApplicationScoped
public class TrialDispatcher {
  private static final Logger LOG = Logger.getLogger(TrialDispatcher.class);

  @Inject Outbox outbox;
  @Inject PruningJudge pruning;

  @Transactional
  public List<UUID> activeStudies() {
    return StudyEntity.getEntityManager()
        .createQuery("select s.id from StudyEntity s where s.status in :active order by s.createdAt", UUID.class)
        .setParameter("active", List.of(StudyStatus.PENDING.name(), StudyStatus.RUNNING.name()))
        .getResultList();
  }

  @Transactional
  public void advance(UUID studyId) {
    StudyEntity study = StudyEntity.findById(studyId, LockModeType.PESSIMISTIC_WRITE);
    if (study == null || !study.active()) return;
    StudySpec spec = Json.read(study.specJson, StudySpec.class);
    List<TrialEntity> trials = TrialEntity.list("studyId = ?1 order by number", studyId);
    long unfinished = trials.stream().filter(t -> !t.state().finished()).count();
    int free = (int) Math.min(study.parallelTrials - unfinished, study.plannedTrials - trials.size());
    if (free > 0) {
      Sampler sampler = Samplers.forStudy(spec.algorithm().name(), spec.algorithm().seed());
      DatasetFacts facts = facts(study.datasetId);
      List<StudyHistory.Trial> history = new ArrayList<>();
      for (TrialEntity t : trials) history.add(new StudyHistory.Trial(t.number, params(t), t.state().finished(), t.objective));
      for (int k = 0; k < free; k++) {
        int number = history.size();
        StudyHistory h = new StudyHistory(spec.objective().direction(), history);
        Optional<Map<String, Object>> point = sampler.suggest(spec.space(), h, Samplers.streamFor(spec.algorithm().seed(), number));
        if (point.isEmpty()) {
          study.plannedTrials = history.size();
          break;
        }
        TrialEntity trial = create(study, spec, facts, number, point.get());
        history.add(new StudyHistory.Trial(number, point.get(), false, null));
        LOG.debugf("study %s: trial %d queued with %s", studyId, number, trial.paramsJson);
      }
      if (StudyStatus.PENDING.name().equals(study.status) && !history.isEmpty()) {
        study.status = StudyStatus.RUNNING.name();
      }
    }
    finishIfDone(study, TrialEntity.list("studyId", studyId));
  }

  private TrialEntity create(StudyEntity study, StudySpec spec, DatasetFacts facts, int number, Map<String, Object> params) {
    ModelSpec model = TemplateResolver.resolve(spec.template(), params, facts);
    TrialEntity t = new TrialEntity();
    t.id = UUID.randomUUID();
    t.studyId = study.id;
    t.projectId = study.projectId;
    t.number = number;
    t.attempt = 1;
    t.status = TrialStatus.QUEUED.name();
    t.bracket = pruning.pruner(spec).map(p -> p.bracketFor(number)).orElse(0);
    t.paramsJson = Json.write(params);
    t.modelJson = Json.write(model);
    t.createdAt = Instant.now();
    t.persist();
    TrialCommand command = new TrialCommand(TrialCommand.VERSION, t.id, study.id, number, t.attempt,
        study.datasetId, params, model, spec.budget().epochs(), spec.algorithm().seed(),
        spec.validationSplit(), spec.objective().metric());
    outbox.add(Topics.TRIALS, t.id.toString(), command);
    return t;
  }

  private static void finishIfDone(StudyEntity study, List<TrialEntity> trials) {
    if (trials.size() < study.plannedTrials || trials.stream().anyMatch(t -> !t.state().finished())) return;
    boolean anyCompleted = trials.stream().anyMatch(t -> t.state() == TrialStatus.COMPLETED);
    study.status = anyCompleted || trials.isEmpty() ? StudyStatus.COMPLETED.name() : StudyStatus.FAILED.name();
    if (!anyCompleted && !trials.isEmpty()) study.message = "every trial failed; see the trials' messages";
    study.finishedAt = Instant.now();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(TrialEntity t) {
    return Json.read(t.paramsJson, Map.class);
  }

  private static DatasetFacts facts(String datasetId) {
    DatasetEntity d = DatasetEntity.findById(datasetId);
    List<?> columns = Json.read(d.columnsJson, List.class);
    List<?> classes = d.classesJson == null ? List.of() : Json.read(d.classesJson, List.class);
    return new DatasetFacts(Task.parse(d.task), columns.size() - 1, classes.size());
  }
}
