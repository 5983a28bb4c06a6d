package dev.tunelab.app.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard and chart endpoints the study page reads, on a study of 300 trials written
 * straight into PostgreSQL (as the 10,000-trial benchmark does): any column sorts, pages and
 * filters, changes show on the next read, and bad parameters get 422 with their path.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class LiveLeaderboardTest {
    static final int TRIALS = 300;

    @Inject
    DataSource db;

    String study;
    List<SeededTrial> seeded;

    @BeforeEach
    void seed() throws SQLException {
        study = SeededStudy.create(db, "seeded leaderboard");
        seeded = SeededStudy.trials(db, study, TRIALS, new Random(7));
    }

    @Test
    void ranksByObjectiveCompletedFirstAndPagesThroughAll() {
        JsonPath first = page("");
        assertEquals(TRIALS, first.getInt("total"));
        assertEquals("rank", first.getString("sort"));
        List<SeededTrial> completed = seeded.stream()
                .filter(t -> t.status().equals("COMPLETED"))
                .sorted(Comparator.comparingDouble(SeededTrial::objective).reversed())
                .toList();
        assertEquals(completed.get(0).number(), first.getInt("items[0].number"));
        assertEquals(1, first.getInt("items[0].rank"));
        assertEquals(completed.get(49).number(), first.getInt("items[49].number"));
        assertEquals(50, first.getInt("items[49].rank"));

        JsonPath last = page("&page=5");
        assertEquals(50, last.getList("items").size());
        assertEquals("SKIPPED", last.getString("items[49].status"), "skipped trials come last");
        assertEquals(null, last.getString("items[49].rank"));
    }

    /**
     * Every column in both orders, the whole study on one page, checked pair by pair against the
     * order the API documents: values ascending or descending, numbers before text, trials without a
     * value last either way, ties by trial number; rank descending is rank reversed.
     */
    @Test
    void sortsByEveryColumnEitherWay() {
        for (String column : List.of(
                "rank",
                "number",
                "status",
                "objective",
                "epochs",
                "duration",
                "worker",
                "paramCount",
                "param:units",
                "param:activation",
                "param:lr")) {
            for (String order : List.of("asc", "desc")) {
                List<Map<String, Object>> items = page("&sort=" + column + "&order=" + order + "&size=" + TRIALS)
                        .getList("items");
                assertEquals(TRIALS, items.size(), column + " " + order);
                for (int i = 1; i < items.size(); i++) {
                    Map<String, Object> a = items.get(i - 1);
                    Map<String, Object> b = items.get(i);
                    assertTrue(
                            inOrder(column, order.equals("desc"), a, b),
                            column
                                    + " "
                                    + order
                                    + " at "
                                    + i
                                    + ": #"
                                    + a.get("number")
                                    + " "
                                    + shown(column, a)
                                    + " before #"
                                    + b.get("number")
                                    + " "
                                    + shown(column, b));
                }
            }
        }
    }

    private static boolean inOrder(String column, boolean descending, Map<String, Object> a, Map<String, Object> b) {
        int na = ((Number) a.get("number")).intValue();
        int nb = ((Number) b.get("number")).intValue();
        if (column.equals("rank")) {
            int c = Integer.compare(group(a), group(b));
            if (c == 0)
                c = compareNullsLast(value("objective", b), value("objective", a), false); // maximized: higher first
            if (c == 0) c = Integer.compare(na, nb);
            return descending ? c > 0 : c < 0;
        }
        if (column.equals("number")) return descending ? na > nb : na < nb;
        int c = compareNullsLast(value(column, a), value(column, b), descending);
        return c < 0 || (c == 0 && na < nb);
    }

    private static int group(Map<String, Object> t) {
        return switch ((String) t.get("status")) {
            case "COMPLETED" -> 0;
            case "PRUNED" -> 1;
            case "SKIPPED" -> 3;
            default -> 2;
        };
    }

    /** Missing values last whatever the order; numbers before text. */
    private static int compareNullsLast(Object x, Object y, boolean descending) {
        if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
        int c;
        if (x instanceof Number p && y instanceof Number q) c = Double.compare(p.doubleValue(), q.doubleValue());
        else if (x instanceof Number || y instanceof Number) c = x instanceof Number ? -1 : 1;
        else c = x.toString().compareTo(y.toString());
        return descending ? -c : c;
    }

    @SuppressWarnings("unchecked")
    private static Object value(String column, Map<String, Object> t) {
        return switch (column) {
            case "epochs" -> t.get("epochsDone");
            case "duration" -> t.get("durationMs");
            default ->
                column.startsWith("param:")
                        ? ((Map<String, Object>) t.get("params")).get(column.substring(6))
                        : t.get(column);
        };
    }

    private static String shown(String column, Map<String, Object> t) {
        return column
                + "="
                + (column.equals("rank") || column.equals("number")
                        ? t.get("status") + "/" + t.get("objective")
                        : value(column, t));
    }

    @Test
    void filtersByStatus() {
        long pruned = seeded.stream().filter(t -> t.status().equals("PRUNED")).count();
        JsonPath p = page("&status=pruned,FAILED&size=500");
        long failed = seeded.stream().filter(t -> t.status().equals("FAILED")).count();
        assertEquals(pruned + failed, p.getInt("total"));
        assertTrue(p.getList("items.status", String.class).stream()
                .allMatch(s -> s.equals("PRUNED") || s.equals("FAILED")));
    }

    @Test
    void aChangedTrialShowsOnTheNextRead() throws SQLException {
        page(""); // the board is loaded now
        int number = seeded.stream()
                .filter(t -> t.status().equals("PRUNED"))
                .findFirst()
                .orElseThrow()
                .number();
        SeededStudy.exec(
                db,
                "update trial set status = 'COMPLETED', objective = 0.999 where study_id = ?::uuid and number = "
                        + number,
                study);
        JsonPath p = page("&size=1");
        assertEquals(number, p.getInt("items[0].number"));
        assertEquals(1, p.getInt("items[0].rank"));
        assertEquals(1, Api.trial(study, number).getInt("rank"));
    }

    @Test
    void badParametersAreRefusedWithTheirPath() {
        given().get(base() + "?sort=nope")
                .then()
                .statusCode(422)
                .contentType(containsString("problem+json"))
                .body("errors[0].path", equalTo("$.sort"));
        given().get(base() + "?sort=param:missing").then().statusCode(422).body("errors[0].path", equalTo("$.sort"));
        given().get(base() + "?order=up").then().statusCode(422).body("errors[0].path", equalTo("$.order"));
        given().get(base() + "?status=DONE").then().statusCode(422).body("errors[0].path", equalTo("$.status"));
        given().get(base() + "?size=0").then().statusCode(422).body("errors[0].path", equalTo("$.size"));
    }

    @Test
    void analysisHasColumnsBestSoFarAndNamedImportance() {
        JsonPath a = given().get("/api/v1/studies/" + study + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(TRIALS, a.getInt("total"));
        assertEquals(TRIALS, a.getInt("sampled"));
        assertEquals(TRIALS, a.getList("trials.number").size());
        assertEquals(TRIALS, a.getList("trials.params.lr").size());
        List<Float> best = a.getList("best.objective", Float.class);
        for (int i = 1; i < best.size(); i++) assertTrue(best.get(i) > best.get(i - 1), "best-so-far only improves");
        assertTrue(a.getString("importance.method").startsWith("fANOVA"), a.getString("importance.method"));
        assertEquals(
                "lr",
                a.getString("importance.values[0].param"),
                "the objective was made to depend on lr: " + a.get("importance"));
        assertEquals(List.of("units", "activation", "lr"), a.getList("params.name"));
    }

    @Test
    void curvesOfTheBestAndLatestTrials() {
        JsonPath c = given().get("/api/v1/studies/" + study + "/curves?limit=20")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(20, c.getInt("shown"));
        assertEquals("val_accuracy", c.getString("metric"));
        List<Map<String, Object>> trials = c.getList("trials");
        assertTrue(trials.stream().allMatch(t -> !((List<?>) t.get("epochs")).isEmpty()));
        given().get("/api/v1/studies/" + study + "/curves?limit=0")
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.limit"));
    }

    private String base() {
        return "/api/v1/studies/" + study + "/trials";
    }

    private JsonPath page(String query) {
        // Doubles, not JsonPath's default floats: two objectives a float apart would look tied.
        return given().get(base() + "?x=1" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    record SeededTrial(int number, String status, double objective) {}

    /**
     * Studies and trials written straight into the database, as a finished study would have left
     * them.
     */
    static final class SeededStudy {
        static final String[] STATUSES = {"COMPLETED", "COMPLETED", "COMPLETED", "PRUNED", "FAILED"};

        static String create(DataSource db, String name) throws SQLException {
            String source = Api.submit("""
          {"name": "%s", "dataset": "iris", "objective": {"metric": "val_accuracy", "direction": "maximize"},
           "algorithm": {"name": "random", "seed": 1}, "budget": {"maxTrials": 1, "epochs": 1},
           "space": {"units": {"type": "int", "min": 4, "max": 64},
                     "activation": {"type": "choice", "values": ["relu", "tanh"]},
                     "lr": {"type": "float", "min": 0.0001, "max": 0.1, "log": true}},
           "template": {"layers": [{"type": "Dense", "units": {"param": "units"}, "activation": {"param": "activation"}}],
                        "optimizer": "adam", "learning_rate": {"param": "lr"}}}
          """.formatted(name))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().post("/api/v1/studies/" + source + "/cancel"); // only its spec is wanted
            String id = UUID.randomUUID().toString();
            exec(
                    db,
                    "insert into study (id, project_id, name, status, dataset_id, spec_json, direction, planned_trials, parallel_trials,"
                            + " finished_at) select ?::uuid, project_id, name, 'COMPLETED', dataset_id, spec_json, direction, planned_trials,"
                            + " parallel_trials, now() from study where id = '"
                            + source
                            + "'",
                    id);
            return id;
        }

        /** Trials whose objective depends mostly on lr (best near 10^-2.5), with their curves. */
        static List<SeededTrial> trials(DataSource db, String study, int n, Random rnd) throws SQLException {
            List<SeededTrial> out = new ArrayList<>();
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement t = c.prepareStatement(
                                "insert into trial (id, study_id, project_id, number, status, params_json,"
                                        + " model_json, objective, epochs_done, worker, param_count, started_at, finished_at)"
                                        + " values (?, ?::uuid, 'default', ?, ?, ?, '{}', ?, ?, ?, ?, now() - make_interval(secs => ?), now())");
                        PreparedStatement m = c.prepareStatement(
                                "insert into trial_metric (trial_id, attempt, epoch, metrics_json) values (?, 1, ?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        UUID id = UUID.randomUUID();
                        boolean skipped = i % 50 == 49;
                        String status = skipped ? "SKIPPED" : STATUSES[rnd.nextInt(STATUSES.length)];
                        double lr = Math.pow(10, -4 + 3 * rnd.nextDouble());
                        int units = 4 + rnd.nextInt(61);
                        double objective = 0.95 - 0.15 * Math.abs(Math.log10(lr) + 2.5) + 0.005 * rnd.nextGaussian();
                        int epochs = skipped ? 0 : status.equals("PRUNED") ? 3 : 9;
                        t.setObject(1, id);
                        t.setString(2, study);
                        t.setInt(3, i);
                        t.setString(4, status);
                        t.setString(
                                5,
                                "{\"units\": %d, \"activation\": \"%s\", \"lr\": %s}"
                                        .formatted(units, rnd.nextBoolean() ? "relu" : "tanh", lr));
                        if (status.equals("FAILED") || skipped) t.setNull(6, java.sql.Types.DOUBLE);
                        else t.setDouble(6, objective);
                        t.setInt(7, epochs);
                        t.setString(8, skipped ? null : "worker-" + (i % 3));
                        t.setLong(9, 100L * units);
                        t.setDouble(10, skipped ? 0 : 1 + rnd.nextInt(100));
                        t.addBatch();
                        for (int e = 1; e <= epochs; e++) {
                            m.setObject(1, id);
                            m.setInt(2, e);
                            m.setString(
                                    3,
                                    "{\"loss\": %s, \"val_accuracy\": %s}".formatted(1.0 / e, objective * e / epochs));
                            m.addBatch();
                        }
                        out.add(new SeededTrial(
                                i, status, status.equals("FAILED") || skipped ? Double.NaN : objective));
                    }
                    t.executeBatch();
                    m.executeBatch();
                }
                c.commit();
            }
            return out;
        }

        static void exec(DataSource db, String sql, String param) throws SQLException {
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, param);
                ps.executeUpdate();
            }
        }
    }
}
