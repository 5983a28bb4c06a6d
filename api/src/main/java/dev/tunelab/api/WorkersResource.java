package dev.tunelab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tunelab.api.access.Access;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Workers report themselves here every heartbeat; users see which are live and what they hold. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class WorkersResource {
    @Inject
    WorkerService workers;

    @Inject
    Access access;

    @PUT
    @Path("internal/workers/{id: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkerView report(
            @PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        if (!access.caller().worker()) access.requireSiteAdmin();
        return workers.report(WorkerReports.parse(id, JsonBodies.read(body, contentType, "a worker report as JSON")));
    }

    @GET
    @Path("workers")
    public List<WorkerView> live() {
        access.user();
        return workers.live();
    }
}
