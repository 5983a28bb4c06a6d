package dev.tunelab.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.api.access.Access;
import dev.tunelab.api.access.Audit;
import dev.tunelab.api.access.Role;
import dev.tunelab.api.limits.Limits;
import dev.tunelab.api.limits.RunningStudies;
import dev.tunelab.core.messages.ControlMessage;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.study.StudyParser;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.StudyStatus;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.store.Outbox;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import dev.tunelab.store.TrialQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates and cancels studies and cancels trials; the scheduler does the rest from what is stored
 * here. Stops reach workers through the outbox, in the transaction that records them.
 */
@ApplicationScoped
public class StudyCommands {
    @Inject
    DatasetService datasets;

    @Inject
    Outbox outbox;

    @Inject
    StudyReads studies;

    @Inject
    Access access;

    @Inject
    Audit audit;

    @Inject
    Limits limits;

    @Inject
    RunningStudies running;

    /** Stores a study in {@code project} (see {@link Access#target}); its dataset must be usable there. */
    @Transactional
    public StudyView create(JsonNode body, String project) {
        String target = access.target(project);
        StudyParser parser = new StudyParser(
                id -> datasets.facts(id, target),
                () -> ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE),
                limits.study());
        StudySpec spec = parser.parse(body);
        running.checkRoomFor(target);
        StudyEntity s = new StudyEntity();
        s.id = UUID.randomUUID();
        s.projectId = target;
        s.name = spec.name();
        s.status = StudyStatus.PENDING;
        s.datasetId = spec.dataset();
        s.specJson = Json.write(spec);
        s.direction = spec.objective().direction().json();
        s.plannedTrials = spec.plannedTrials();
        s.parallelTrials = spec.budget().parallelTrials();
        s.createdAt = Instant.now();
        s.persist();
        audit.record(target, "study.create", "study " + s.id, s.name);
        return studies.view(s);
    }

    /** Stops the study: queued trials are cancelled, running ones are told to stop between epochs. */
    @Transactional
    public StudyView cancel(UUID id) {
        studies.study(id, Role.EDITOR);
        StudyEntity s = StudyEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) throw ApiProblem.notFound("no study with id " + id);
        if (!s.active()) throw ApiProblem.conflict("study " + id + " is already " + s.status);
        s.status = StudyStatus.CANCELLED;
        s.finishedAt = Instant.now();
        s.message = "cancelled by request";
        audit.record(s.projectId, "study.cancel", "study " + s.id, s.name);
        for (TrialEntity t : TrialQueries.unfinished(id)) {
            stop(t);
            if (t.state() == TrialStatus.QUEUED) {
                t.state(TrialStatus.CANCELLED);
                t.finishedAt = s.finishedAt;
                t.message = "study cancelled before the trial started";
            }
        }
        return studies.view(s);
    }

    /**
     * Stops one trial; the study goes on. A queued trial is cancelled at once, a running one is told
     * to stop, which its worker does before its next minibatch and reports as CANCELLED.
     */
    @Transactional
    public TrialView cancelTrial(UUID id, int number) {
        StudyEntity s = studies.study(id, Role.EDITOR);
        TrialEntity t = TrialQueries.byNumberLocked(id, number)
                .orElseThrow(() -> ApiProblem.notFound("study " + id + " has no trial " + number));
        if (t.state().finished()) throw ApiProblem.conflict("trial " + number + " is already " + t.state());
        stop(t);
        audit.record(s.projectId, "trial.cancel", "study " + id + " trial " + number, null);
        if (t.state() == TrialStatus.QUEUED) {
            t.state(TrialStatus.CANCELLED);
            t.finishedAt = Instant.now();
            t.message = "cancelled by request before it started";
        }
        return TrialView.of(t, false);
    }

    /** Tells the trial's worker, if it has one yet, to stop its current attempt. */
    private void stop(TrialEntity t) {
        outbox.add(
                Topics.CONTROL,
                t.id.toString(),
                new ControlMessage(ControlMessage.VERSION, ControlMessage.Type.STOP, t.id, t.attempt));
    }
}
