package dev.tunelab.api;

import dev.tunelab.api.access.WorkerGrants;
import dev.tunelab.core.messages.ArtifactEntries;
import dev.tunelab.core.messages.AttemptCheck;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.store.ArtifactEntity;
import dev.tunelab.store.CheckpointEntity;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What workers call over HTTP instead of touching the database. */
@Path("/api/v1/internal/trials/{trialId}")
@Produces(MediaType.APPLICATION_JSON)
public class InternalResource {
    @Inject
    CheckpointService checkpoints;

    @Inject
    WorkerGrants grants;

    /** Whether the attempt should still run: a worker asks before it spends time training. */
    @GET
    @Path("attempts/{attempt}")
    @Transactional
    public AttemptCheck attempt(@PathParam("trialId") UUID trialId, @PathParam("attempt") int attempt) {
        grants.requireAttempt(trialId, attempt);
        return check(trial(trialId), attempt);
    }

    /**
     * A worker takes the attempt it got from Kafka: from then on its credential reaches this trial's
     * dataset, model and checkpoints. Answers whether the attempt should still train.
     */
    @POST
    @Path("attempts/{attempt}/claim")
    @Transactional
    public AttemptCheck claim(@PathParam("trialId") UUID trialId, @PathParam("attempt") int attempt) {
        TrialEntity t = trial(trialId);
        AttemptCheck check = check(t, attempt);
        grants.claim(t, attempt, check.run() || awaitsTest(t, attempt));
        return check;
    }

    private static AttemptCheck check(TrialEntity t, int attempt) {
        boolean run = t.attempt == attempt && (t.state() == TrialStatus.QUEUED || t.state() == TrialStatus.RUNNING);
        return new AttemptCheck(run, t.status.name(), t.attempt);
    }

    /** The study's winner, waiting for its evaluation on the test split. */
    private static boolean awaitsTest(TrialEntity t, int attempt) {
        StudyEntity s = StudyEntity.findById(t.studyId);
        return t.attempt == attempt
                && s.testTrialNumber != null
                && s.testTrialNumber == t.number
                && s.testMetricsJson == null
                && s.testMessage == null;
    }

    private static TrialEntity trial(UUID id) {
        TrialEntity t = TrialEntity.findById(id);
        if (t == null) throw ApiProblem.notFound("no trial " + id);
        return t;
    }

    /** Stores an attempt's model; the same attempt uploading twice replaces its own bytes. */
    @PUT
    @Path("artifact")
    @Consumes("application/zip")
    @Transactional
    public Map<String, Object> upload(
            @PathParam("trialId") UUID trialId, @QueryParam("attempt") int attempt, byte[] zip) {
        grants.requireAttempt(trialId, attempt);
        TrialEntity t = TrialEntity.findById(trialId);
        if (t == null) throw ApiProblem.notFound("no trial " + trialId);
        if (t.attempt != attempt)
            throw ApiProblem.conflict("attempt " + attempt + " is not the trial's current attempt " + t.attempt);
        if (zip == null || zip.length == 0) throw ApiProblem.invalid("$", "the body must be the model zip");
        String card = UploadedZip.modelCard(zip);
        ArtifactEntity a = ArtifactEntity.findById(trialId);
        if (a == null) {
            a = new ArtifactEntity();
            a.trialId = trialId;
        }
        a.attempt = attempt;
        a.content = zip;
        a.sizeBytes = zip.length;
        a.modelCardJson = card;
        a.createdAt = Instant.now();
        a.persist();
        checkpoints.drop(trialId);
        return Map.of("trial", trialId.toString(), "attempt", attempt, "bytes", zip.length);
    }

    /**
     * Stores the current attempt's checkpoint after {@code epoch}, unless the trial already has one
     * of a later epoch; {@code stored} says which. An older attempt (one the scheduler gave up on) is
     * refused, so a worker that lost its lease cannot overwrite its successor's progress.
     */
    @PUT
    @Path("checkpoint")
    @Consumes("application/zip")
    @Transactional
    public Map<String, Object> storeCheckpoint(
            @PathParam("trialId") UUID trialId,
            @QueryParam("attempt") int attempt,
            @QueryParam("epoch") int epoch,
            byte[] zip) {
        grants.requireAttempt(trialId, attempt);
        TrialEntity t = TrialEntity.findById(trialId);
        if (t == null) throw ApiProblem.notFound("no trial " + trialId);
        if (t.attempt != attempt)
            throw ApiProblem.conflict("attempt " + attempt + " is not the trial's current attempt " + t.attempt);
        if (epoch < 1)
            throw ApiProblem.invalid(
                    "$.epoch", "must be the epoch the checkpoint was taken after, from 1; got " + epoch);
        if (zip == null || zip.length == 0) throw ApiProblem.invalid("$", "the body must be the checkpoint zip");
        if (!UploadedZip.has(zip, ArtifactEntries.CHECKPOINT)) {
            throw ApiProblem.invalid("$", "the zip has no " + ArtifactEntries.CHECKPOINT + " entry");
        }
        boolean stored = checkpoints.store(trialId, attempt, epoch, zip);
        return Map.of("trial", trialId.toString(), "attempt", attempt, "epoch", epoch, "stored", stored);
    }

    /** The trial's newest checkpoint (any attempt), with its epoch and attempt also as headers. */
    @GET
    @Path("checkpoint")
    @Produces("application/zip")
    public Response checkpoint(@PathParam("trialId") UUID trialId) {
        grants.requireTrial(trialId);
        CheckpointEntity c = checkpoints.latest(trialId);
        if (c == null) throw ApiProblem.notFound("no checkpoint of trial " + trialId);
        return Response.ok(c.content, "application/zip")
                .header("X-Checkpoint-Epoch", c.epoch)
                .header("X-Checkpoint-Attempt", c.attempt)
                .build();
    }
}
