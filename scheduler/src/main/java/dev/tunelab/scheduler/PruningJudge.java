package dev.tunelab.scheduler;

import dev.tunelab.core.messages.ControlMessage;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.search.Decision;
import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.scheduler.search.pruners.Pruners;
import dev.tunelab.store.Outbox;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Asks the study's pruner about a running trial after each epoch. The curves are read back from
 * {@code trial_curve} (each epoch from its newest attempt) each time, so the decision needs nothing
 * a restart could lose; a stopped trial becomes PRUNED at once (freeing its slot) and its worker is
 * told to stop.
 */
@ApplicationScoped
public class PruningJudge {
    private static final Logger LOG = Logger.getLogger(PruningJudge.class);

    @Inject
    Outbox outbox;

    /** Specs never change once stored. */
    private final Map<UUID, StudySpec> specs = new ConcurrentHashMap<>();

    public StudySpec spec(UUID studyId) {
        return specs.computeIfAbsent(
                studyId, id -> Json.read(StudyEntity.<StudyEntity>findById(id).specJson, StudySpec.class));
    }

    public Optional<Pruner> pruner(StudySpec spec) {
        return Pruners.of(spec.pruner(), spec.budget().epochs());
    }

    /** Called inside the transaction that recorded {@code epoch} for the (locked, running) trial. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void judge(TrialEntity trial, int epoch) {
        StudySpec spec = spec(trial.studyId);
        Optional<Pruner> pruner = pruner(spec);
        if (pruner.isEmpty() || epoch >= spec.budget().epochs()) return;
        Map<UUID, TrialCurve> curves = curves(trial.studyId, spec.objective().metric());
        TrialCurve own = curves.remove(trial.id);
        if (own == null || !own.values().containsKey(epoch)) return;
        Decision d = pruner.get().decide(spec.objective().direction(), epoch, own, new ArrayList<>(curves.values()));
        trial.rung = Math.max(trial.rung, d.rung());
        if (!d.prune()) return;
        trial.state(TrialStatus.PRUNED);
        trial.objective = own.values().get(epoch);
        trial.message = "pruned: " + d.reason();
        trial.finishedAt = Instant.now();
        if (trial.startedAt == null) trial.startedAt = trial.finishedAt;
        outbox.add(
                Topics.CONTROL,
                trial.id.toString(),
                new ControlMessage(ControlMessage.VERSION, ControlMessage.Type.STOP, trial.id, trial.attempt));
        LOG.infof("study %s: trial %d %s", trial.studyId, trial.number, trial.message);
    }

    /**
     * The objective after each epoch of every trial, each epoch as its newest attempt reported it.
     */
    private static Map<UUID, TrialCurve> curves(UUID studyId, String metric) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = TrialEntity.getEntityManager()
                .createNativeQuery(
                        "select t.id, t.number, t.bracket, t.status, m.epoch, cast(cast(m.metrics_json as jsonb) ->> ?2 as double precision)"
                                + " from trial t join trial_curve m on m.trial_id = t.id"
                                + " where t.study_id = ?1 order by t.number, m.epoch")
                .setParameter(1, studyId)
                .setParameter(2, metric)
                .getResultList();
        Map<UUID, Object[]> trials = new LinkedHashMap<>();
        Map<UUID, TreeMap<Integer, Double>> values = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            trials.putIfAbsent(id, r);
            TreeMap<Integer, Double> curve = values.computeIfAbsent(id, k -> new TreeMap<>());
            if (r[5] != null) curve.put(((Number) r[4]).intValue(), ((Number) r[5]).doubleValue());
        }
        Map<UUID, TrialCurve> out = new LinkedHashMap<>();
        trials.forEach((id, r) -> out.put(
                id,
                new TrialCurve(
                        ((Number) r[1]).intValue(),
                        ((Number) r[2]).intValue(),
                        TrialStatus.COMPLETED.name().equals(r[3]),
                        values.get(id))));
        return out;
    }
}
