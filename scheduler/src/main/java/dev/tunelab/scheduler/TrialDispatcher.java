package dev.tunelab.scheduler;

import dev.tunelab.core.messages.EvaluateCommand;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Direction;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.StudyStatus;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.core.template.Architecture;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.scheduler.search.samplers.Samplers;
import dev.tunelab.store.DatasetEntity;
import dev.tunelab.store.Outbox;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.StudyQueries;
import dev.tunelab.store.TrialEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps each active study at its parallelism: asks the sampler for points, records the trials and
 * queues their run commands in the outbox, all in the transaction that holds the study's row lock.
 */
@ApplicationScoped
public class TrialDispatcher {
    private static final Logger LOG = Logger.getLogger(TrialDispatcher.class);

    @Inject
    Outbox outbox;

    @Inject
    PruningJudge pruning;

    @Inject
    WorkerRoster workers;

    @Transactional
    public List<UUID> activeStudies() {
        return StudyQueries.activeIds();
    }

    /**
     * The points of each active study's trials in number order, for samplers that read no outcomes:
     * appended to as this scheduler creates trials and read back only when they no longer match the
     * table (another leader came between, or a transaction that added to it rolled back). Without it
     * every trial's dispatch read all of its study's trials, a cost that grew with the study.
     */
    private final Map<UUID, Points> points = new ConcurrentHashMap<>();

    private record Points(List<StudyHistory.Trial> trials, UUID lastId) {}

    /** How many trials a study has, how many of them hold a slot, and its newest one. */
    private record Counts(int total, int unfinished, UUID lastId) {}

    @Transactional
    public void advance(UUID studyId) {
        StudyEntity study = StudyEntity.findById(studyId, LockModeType.PESSIMISTIC_WRITE);
        if (study == null || !study.active()) {
            points.remove(studyId);
            return;
        }
        StudySpec spec = pruning.spec(studyId);
        Counts counts = counts(studyId);
        int total = counts.total();
        long slots = study.parallelTrials - counts.unfinished();
        if (slots > 0 && total < study.plannedTrials) {
            Sampler sampler =
                    Samplers.forStudy(spec.algorithm().name(), spec.algorithm().seed());
            DatasetFacts facts = facts(study.datasetId);
            OptionalLong largest = workers.largestMemory(spec.device());
            List<StudyHistory.Trial> history = history(studyId, sampler, counts);
            // A skipped point takes no slot, so sampling goes on; the planned count bounds the loop.
            while (slots > 0 && history.size() < study.plannedTrials) {
                int number = history.size();
                StudyHistory h = new StudyHistory(spec.objective().direction(), history);
                Optional<Map<String, Object>> point = sampler.suggest(
                        spec.space(), h, Samplers.streamFor(spec.algorithm().seed(), number));
                if (point.isEmpty()) {
                    study.plannedTrials = history.size();
                    break;
                }
                TrialEntity trial = create(study, spec, facts, largest, number, point.get());
                boolean skipped = trial.state() == TrialStatus.SKIPPED;
                history.add(new StudyHistory.Trial(number, point.get(), skipped, null));
                if (!sampler.readsOutcomes()) points.put(studyId, new Points(history, trial.id));
                if (!skipped) slots--;
                LOG.debugf("study %s: trial %d %s with %s", studyId, number, trial.state(), trial.paramsJson);
            }
            total = history.size();
            if (study.status == StudyStatus.PENDING && !history.isEmpty()) {
                study.status = StudyStatus.RUNNING;
            }
        }
        long unfinished = study.parallelTrials - slots; // those found plus those just queued
        if (total < study.plannedTrials || unfinished > 0) return;
        finishIfDone(study, spec, TrialEntity.list("studyId", studyId));
        if (!study.active()) points.remove(studyId);
    }

    /**
     * Two index lookups, whatever the study's size: the newest trial by number, the unfinished ones.
     */
    private static Counts counts(UUID studyId) {
        Object[] row = (Object[]) TrialEntity.getEntityManager()
                .createNativeQuery(
                        "select (select count(*) from trial where study_id = ?1 and status in ('QUEUED', 'RUNNING')),"
                                + " (select number from trial where study_id = ?1 order by number desc limit 1),"
                                + " (select id from trial where study_id = ?1 order by number desc limit 1)")
                .setParameter(1, studyId)
                .getSingleResult();
        int total = row[1] == null ? 0 : ((Number) row[1]).intValue() + 1;
        return new Counts(total, ((Number) row[0]).intValue(), (UUID) row[2]);
    }

    /**
     * The study's trials as its sampler sees them: read from the table when the sampler judges by
     * outcomes, else from memory while that still matches the table's newest trial.
     */
    private List<StudyHistory.Trial> history(UUID studyId, Sampler sampler, Counts counts) {
        if (!sampler.readsOutcomes()) {
            Points known = points.get(studyId);
            if (known != null
                    && known.trials().size() == counts.total()
                    && Objects.equals(known.lastId(), counts.lastId())) {
                return known.trials();
            }
        }
        List<StudyHistory.Trial> history = new ArrayList<>();
        for (TrialEntity t : TrialEntity.<TrialEntity>list("studyId = ?1 order by number", studyId)) {
            history.add(new StudyHistory.Trial(t.number, params(t), t.state().finished(), t.objective));
        }
        if (!sampler.readsOutcomes()) points.put(studyId, new Points(history, counts.lastId()));
        return history;
    }

    private TrialEntity create(
            StudyEntity study,
            StudySpec spec,
            DatasetFacts facts,
            OptionalLong largest,
            int number,
            Map<String, Object> params) {
        Architecture.Built built = Architecture.build(spec.template(), params, facts);
        TrialEntity t = new TrialEntity();
        t.id = UUID.randomUUID();
        t.studyId = study.id;
        t.projectId = study.projectId;
        t.number = number;
        t.attempt = 1;
        t.state(TrialStatus.QUEUED);
        t.bracket = pruning.pruner(spec).map(p -> p.bracketFor(number)).orElse(0);
        t.paramsJson = Json.write(params);
        t.createdAt = Instant.now();
        if (!built.valid()) {
            t.modelJson = "{}";
            return skip(t, built.invalidPath() + " " + built.invalidReason());
        }
        ModelSpec model = built.spec();
        t.modelJson = Json.write(model);
        t.paramCount = model.paramCount();
        Optional<String> tooLarge = MemoryFit.refusal(model, spec.device(), largest);
        if (tooLarge.isPresent()) return skip(t, tooLarge.get());
        t.persist();
        outbox.add(TrialCommands.topic(spec), t.id.toString(), TrialCommands.of(study, spec, t));
        return t;
    }

    private static TrialEntity skip(TrialEntity t, String reason) {
        t.state(TrialStatus.SKIPPED);
        t.message = "skipped: " + reason;
        t.startedAt = t.createdAt;
        t.finishedAt = t.createdAt;
        t.persist();
        return t;
    }

    private void finishIfDone(StudyEntity study, StudySpec spec, List<TrialEntity> trials) {
        if (trials.size() < study.plannedTrials
                || trials.stream().anyMatch(t -> !t.state().finished())) return;
        boolean anyCompleted = trials.stream().anyMatch(t -> t.state() == TrialStatus.COMPLETED);
        study.status = anyCompleted || trials.isEmpty() ? StudyStatus.COMPLETED : StudyStatus.FAILED;
        if (!anyCompleted && !trials.isEmpty()) study.message = "every trial failed; see the trials' messages";
        study.finishedAt = Instant.now();
        if (spec.test() != null) requestTest(study, spec, trials);
    }

    /**
     * The test split is looked at once, for the trial that won on validation; asking in the
     * transaction that ends the study means it is asked exactly once.
     */
    private void requestTest(StudyEntity study, StudySpec spec, List<TrialEntity> trials) {
        Optional<TrialEntity> best = trials.stream()
                .filter(t -> t.state() == TrialStatus.COMPLETED && t.objective != null)
                // The same order as the API's best trial: objective, then the earlier trial.
                .min(Comparator.<TrialEntity>comparingDouble(
                                t -> spec.objective().direction() == Direction.MAXIMIZE ? -t.objective : t.objective)
                        .thenComparingInt(t -> t.number));
        if (best.isEmpty()) return;
        TrialEntity t = best.get();
        study.testTrialNumber = t.number;
        StudySpec.TestSplit test = spec.test();
        EvaluateCommand command = new EvaluateCommand(
                EvaluateCommand.VERSION,
                EvaluateCommand.TYPE,
                study.id,
                t.id,
                t.number,
                t.attempt,
                study.datasetId,
                test.dataset(),
                test.dataset() == null ? test.fraction() : 0,
                spec.algorithm().seed(),
                spec.validationSplit());
        outbox.add(TrialCommands.topic(spec), t.id.toString(), command);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(TrialEntity t) {
        return Json.read(t.paramsJson, Map.class);
    }

    private static DatasetFacts facts(String datasetId) {
        return DatasetEntity.<DatasetEntity>findById(datasetId).facts();
    }
}
