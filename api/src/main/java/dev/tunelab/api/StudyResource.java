package dev.tunelab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tunelab.api.access.Audit;
import dev.tunelab.api.access.WorkerGrants;
import dev.tunelab.api.board.StudyAnalysis;
import dev.tunelab.store.ArtifactEntity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {
    static final int MAX_PAGE_SIZE = 500;

    @Inject
    StudyCommands commands;

    @Inject
    StudyReads studies;

    @Inject
    TrialReads trials;

    @Inject
    StudyAnalysis analysis;

    @Inject
    WorkerGrants grants;

    @Inject
    Audit audit;

    /**
     * Validates and stores a study; the scheduler starts it. 422 lists every problem by JSON path.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("project") String project)
            throws JsonProcessingException {
        StudyView view = commands.create(JsonBodies.read(body, contentType, "a study as JSON"), project);
        return Response.created(URI.create(view.url())).entity(view).build();
    }

    /** The studies of the caller's projects, newest first; {@code project} keeps one project's. */
    @GET
    public List<StudyView> list(@QueryParam("project") String project) {
        return studies.list(project);
    }

    /** One study: its spec, status, trial counts and best trial so far. */
    @GET
    @Path("{id}")
    public StudyView get(@PathParam("id") String id) {
        return studies.get(uuid(id));
    }

    /**
     * Cancels the study: no new trials, queued ones cancelled at once, running ones stopped before
     * their next minibatch. Cancelling a finished study answers 409.
     */
    @POST
    @Path("{id}/cancel")
    public StudyView cancel(@PathParam("id") String id) {
        return commands.cancel(uuid(id));
    }

    /**
     * The leaderboard, a page at a time. By default by rank: completed trials by objective, then
     * pruned ones, trials without a value last. {@code sort} takes any column (see {@link
     * dev.tunelab.api.board.SortKey}), {@code order} asc or desc, {@code status} a comma list.
     */
    @GET
    @Path("{id}/trials")
    public TrialReads.Page trials(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order,
            @QueryParam("status") String status) {
        if (page < 0) throw ApiProblem.invalid("$.page", "must be 0 or more");
        if (size < 1 || size > MAX_PAGE_SIZE) throw ApiProblem.invalid("$.size", "must be from 1 to " + MAX_PAGE_SIZE);
        return trials.page(uuid(id), page, size, sort, order, status);
    }

    @GET
    @Path("{id}/trials/{number}")
    public TrialView trial(@PathParam("id") String id, @PathParam("number") int number) {
        return trials.trial(uuid(id), number);
    }

    /** Stops one trial (queued: at once; running: before its next minibatch); the study goes on. */
    @POST
    @Path("{id}/trials/{number}/cancel")
    public TrialView cancelTrial(@PathParam("id") String id, @PathParam("number") int number) {
        return commands.cancelTrial(uuid(id), number);
    }

    @GET
    @Path("{id}/trials/{number}/metrics")
    public Map<String, Object> metrics(@PathParam("id") String id, @PathParam("number") int number) {
        return trials.metrics(uuid(id), number);
    }

    /**
     * The model card of a trial's model (also inside the zip as {@value
     * dev.tunelab.core.messages.ArtifactEntries#MODEL_CARD}).
     */
    @GET
    @Path("{id}/trials/{number}/model-card")
    public Map<String, Object> modelCard(@PathParam("id") String id, @PathParam("number") int number) {
        return trials.modelCard(uuid(id), number);
    }

    /**
     * What the study's charts draw: trials as columns (sampled past 5,000), the best-so-far line,
     * parameters and their importance (fANOVA on a random forest, named in {@code
     * importance.method}).
     */
    @GET
    @Path("{id}/analysis")
    public StudyAnalysis.Analysis analysis(@PathParam("id") String id) {
        return analysis.analysis(studies.analysisOf(uuid(id)));
    }

    /** The objective per epoch of the best-ranked and the latest trials, {@code limit} in all. */
    @GET
    @Path("{id}/curves")
    public StudyAnalysis.Curves curves(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("200") int limit)
            throws SQLException {
        if (limit < 1 || limit > 2_000) throw ApiProblem.invalid("$.limit", "must be from 1 to 2000");
        return analysis.curves(studies.analysisOf(uuid(id)), limit);
    }

    @GET
    @Path("{id}/trials/{number}/model")
    @Produces("application/zip")
    public Response model(@PathParam("id") String id, @PathParam("number") int number) {
        return download(uuid(id), number);
    }

    /**
     * The best trial's model: a DL4J zip with its normalizer and a {@value
     * dev.tunelab.core.messages.ArtifactEntries#MODEL_CARD} entry.
     */
    @GET
    @Path("{id}/best-model")
    @Produces("application/zip")
    public Response bestModel(@PathParam("id") String id) {
        UUID study = uuid(id);
        studies.study(study);
        return download(study, studies.bestTrialNumber(study));
    }

    private Response download(UUID study, int number) {
        ArtifactEntity a;
        if (grants.workerMayRead(study, number)) {
            a = trials.modelForWorker(study, number);
        } else {
            a = trials.model(study, number);
            audit.record(studies.study(study).projectId, "model.download", "study " + study + " trial " + number, null);
        }
        String file = "tunelab-" + study.toString().substring(0, 8) + "-trial-" + number + ".zip";
        return Response.ok(a.content, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-TuneLab-Trial", number)
                .build();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no study with id '" + id + "'");
        }
    }
}
