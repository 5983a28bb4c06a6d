package dev.tunelab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tunelab.api.limits.FormFields;
import dev.tunelab.core.limits.Limit;
import dev.tunelab.core.study.InvalidStudyException;
import dev.tunelab.core.study.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json; a path names the offending field wherever one exists. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem p) {
        Response r = problem(p.status, p.title, p.getMessage(), p.errors, p.limit);
        if (p.retryAfter == null) return r;
        return Response.fromResponse(r)
                .header("Retry-After", p.retryAfter.toString())
                .build();
    }

    @ServerExceptionMapper
    public Response invalidStudy(InvalidStudyException e) {
        List<Violation> v = e.violations();
        String detail = v.size() == 1
                ? v.get(0).path() + ": " + v.get(0).message()
                : v.size() + " problems; the first: " + v.get(0).path() + ": "
                        + v.get(0).message();
        return problem(422, "The study cannot run", detail, v);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return problem(
                400,
                "Malformed JSON",
                e.getOriginalMessage() + where,
                List.of(new Violation("$", "not valid JSON" + where)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e) {
        ApiProblem formFields = FormFields.problem(e);
        if (formFields != null) return apiProblem(formFields);
        if (databaseUnavailable(e)) {
            // No connection came free in time (an overload), or the database is restarting: not a bug,
            // the transaction did not commit, and the client (a worker, too) may simply try again.
            LOG.warnf("request refused: the database is unavailable or busy (%s)", e.getMessage());
            Response r = problem(
                    503, "Service unavailable", "the database is busy or restarting; try again shortly", List.of());
            return Response.fromResponse(r).header("Retry-After", "1").build();
        }
        LOG.error("unexpected error", e);
        return problem(500, "Internal error", "an unexpected error occurred; it has been logged", List.of());
    }

    /**
     * True when the cause is a connection pool with no free connection within its timeout, or a lost
     * or refused database connection (SQLSTATE class 08, or 57P: the server shutting down).
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) return true;
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("acquisition timeout") || m.contains("Unable to acquire JDBC Connection")))
                return true;
        }
        return false;
    }

    public static Response problem(int status, String title, String detail, List<Violation> errors) {
        return problem(status, title, detail, errors, null);
    }

    static Response problem(int status, String title, String detail, List<Violation> errors, Limit limit) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(body(status, title, detail, errors, limit))
                .build();
    }

    /**
     * The problem+json members: {@code type, title, status, detail}, {@code errors} when there are
     * any, and {@code limit} ({@code name}, {@code value}) when a configured limit was reached.
     */
    public static Map<String, Object> body(
            int status, String title, String detail, List<Violation> errors, Limit limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) body.put("errors", errors);
        if (limit != null) {
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("name", limit.name());
            named.put("value", limit.value());
            body.put("limit", named);
        }
        return body;
    }
}
