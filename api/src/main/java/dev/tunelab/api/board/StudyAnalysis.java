package dev.tunelab.api.board;

import dev.tunelab.core.analysis.FanovaImportance;
import dev.tunelab.core.analysis.ParamImportance;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.TrialStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the study page's charts draw: trials as columns (a sample of at most {@value #MAX_POINTS} on
 * big studies: the best-ranked fifth and an even spread of the rest), the best-so-far line over
 * every trial, parameter importance, and learning curves of the best and the latest trials.
 */
@ApplicationScoped
public class StudyAnalysis {
    static final int MAX_POINTS = 5_000;
    static final int MAX_IMPORTANCE_TRIALS = 2_000;
    static final int MIN_IMPORTANCE_TRIALS = 5;

    @Inject
    Leaderboards leaderboards;
    // An Instance: a worker-only process has no database, and a plain injection of the inactive
    // datasource would stop it from starting.
    @Inject
    Instance<DataSource> dataSource;

    public record Study(UUID id, boolean maximize, String metric, SearchSpace space) {
        List<String> names() {
            return List.copyOf(space.params().keySet());
        }
    }

    public record ParamInfo(String name, String type, Double min, Double max, Boolean log, List<Object> values) {}

    public record Columns(
            List<Integer> number, List<String> status, List<Double> objective, Map<String, List<Object>> params) {}

    public record BestSoFar(List<Integer> number, List<Double> objective) {}

    public record Analysis(
            String metric,
            String direction,
            int total,
            int sampled,
            List<ParamInfo> params,
            Columns trials,
            BestSoFar best,
            ParamImportance importance) {}

    public record Curve(int number, String status, List<Integer> epochs, List<Double> values) {}

    public record Curves(String metric, String direction, int total, int shown, List<Curve> trials) {}

    /**
     * What is read under the board's lock; the forest is fitted after, so sorting pages need not
     * wait.
     */
    private record Draft(Analysis analysis, ImportanceInput input) {}

    private record ImportanceInput(String key, List<Map<String, Object>> points, double[] y) {}

    public Analysis analysis(Study s) {
        List<String> names = s.names();
        Draft draft = leaderboards.read(s.id(), s.maximize(), names, b -> {
            Integer[] byNumber = b.order(new SortKey("number", false));
            Set<Integer> picked = sample(b, byNumber);
            List<Integer> number = new ArrayList<>(), bestNumber = new ArrayList<>();
            List<String> status = new ArrayList<>();
            List<Double> objective = new ArrayList<>(), bestObjective = new ArrayList<>();
            Map<String, List<Object>> params = new LinkedHashMap<>();
            names.forEach(n -> params.put(n, new ArrayList<>()));
            Double best = null;
            for (int i : byNumber) {
                BoardRow r = b.rows.get(i);
                if (r.is(TrialStatus.COMPLETED)
                        && r.objective() != null
                        && (best == null || (s.maximize() ? r.objective() > best : r.objective() < best))) {
                    best = r.objective();
                    bestNumber.add(r.number());
                    bestObjective.add(best);
                }
                if (!picked.contains(i)) continue;
                number.add(r.number());
                status.add(r.status());
                objective.add(r.objective());
                for (int p = 0; p < names.size(); p++) params.get(names.get(p)).add(r.params()[p]);
            }
            Object importance = importance(b, s.space(), byNumber);
            return new Draft(
                    new Analysis(
                            s.metric(),
                            s.maximize() ? "maximize" : "minimize",
                            b.rows.size(),
                            number.size(),
                            paramInfo(s.space()),
                            new Columns(number, status, objective, params),
                            new BestSoFar(bestNumber, bestObjective),
                            importance instanceof ParamImportance known ? known : null),
                    importance instanceof ImportanceInput input ? input : null);
        });
        if (draft.input() == null) return draft.analysis();
        ImportanceInput in = draft.input();
        ParamImportance fitted = FanovaImportance.evaluate(s.space(), in.points(), in.y(), 0L);
        leaderboards.read(s.id(), s.maximize(), names, b -> {
            b.derived.keySet().removeIf(k -> k.startsWith("importance:"));
            b.derived.put(in.key(), fitted);
            return null;
        });
        Analysis a = draft.analysis();
        return new Analysis(
                a.metric(), a.direction(), a.total(), a.sampled(), a.params(), a.trials(), a.best(), fitted);
    }

    /** Every trial when there are few; else the best-ranked fifth and an even spread of the rest. */
    private static Set<Integer> sample(Board b, Integer[] byNumber) {
        Set<Integer> picked = new LinkedHashSet<>();
        if (b.rows.size() <= MAX_POINTS) {
            for (int i = 0; i < b.rows.size(); i++) picked.add(i);
            return picked;
        }
        Integer[] byRank = b.order(new SortKey("rank", false));
        for (int k = 0; k < MAX_POINTS / 5; k++) picked.add(byRank[k]);
        double step = (double) byNumber.length / (MAX_POINTS - picked.size());
        for (double x = 0; x < byNumber.length && picked.size() < MAX_POINTS; x += step) picked.add(byNumber[(int) x]);
        return picked;
    }

    /**
     * fANOVA over completed trials (an even spread of at most 2,000), kept until that count changes:
     * the kept result, or what to fit it from, or null when there are too few.
     */
    private static Object importance(Board b, SearchSpace space, Integer[] byNumber) {
        List<Integer> completed = new ArrayList<>();
        for (int i : byNumber)
            if (b.rows.get(i).is(TrialStatus.COMPLETED) && b.rows.get(i).objective() != null) completed.add(i);
        if (completed.size() < MIN_IMPORTANCE_TRIALS || space.params().isEmpty()) return null;
        String key = "importance:" + completed.size();
        if (b.derived.get(key) instanceof ParamImportance cached) return cached;
        List<Integer> used = completed;
        if (completed.size() > MAX_IMPORTANCE_TRIALS) {
            used = new ArrayList<>();
            double step = (double) completed.size() / MAX_IMPORTANCE_TRIALS;
            for (double x = 0; x < completed.size() && used.size() < MAX_IMPORTANCE_TRIALS; x += step)
                used.add(completed.get((int) x));
        }
        List<String> names = b.paramNames;
        List<Map<String, Object>> points = new ArrayList<>();
        double[] y = new double[used.size()];
        for (int k = 0; k < used.size(); k++) {
            BoardRow r = b.rows.get(used.get(k));
            Map<String, Object> point = new HashMap<>();
            for (int p = 0; p < names.size(); p++) if (r.params()[p] != null) point.put(names.get(p), r.params()[p]);
            points.add(point);
            y[k] = r.objective();
        }
        return new ImportanceInput(key, points, y);
    }

    private static List<ParamInfo> paramInfo(SearchSpace space) {
        List<ParamInfo> out = new ArrayList<>();
        space.params().forEach((name, p) -> {
            if (p instanceof Param.IntParam i)
                out.add(new ParamInfo(name, "int", (double) i.min(), (double) i.max(), null, null));
            else if (p instanceof Param.FloatParam f)
                out.add(new ParamInfo(name, "float", f.min(), f.max(), f.log(), null));
            else if (p instanceof Param.ChoiceParam c)
                out.add(new ParamInfo(name, "choice", null, null, null, c.values()));
        });
        return out;
    }

    /**
     * The objective per epoch of at most {@code limit} trials: the best-ranked half and the most
     * recent half, so a big study shows both where it got and what it is doing now.
     */
    public Curves curves(Study s, int limit) throws SQLException {
        Map<UUID, BoardRow> chosen = leaderboards.read(s.id(), s.maximize(), s.names(), b -> {
            Map<UUID, BoardRow> out = new LinkedHashMap<>();
            Integer[] byRank = b.order(new SortKey("rank", false));
            Integer[] latest = b.order(new SortKey("number", true));
            for (int k = 0; k < byRank.length && out.size() < limit / 2; k++) addIfTrained(out, b.rows.get(byRank[k]));
            for (int k = 0; k < latest.length && out.size() < limit; k++) addIfTrained(out, b.rows.get(latest[k]));
            return out;
        });
        int trained = leaderboards.read(s.id(), s.maximize(), s.names(), b ->
                (int) b.rows.stream().filter(r -> r.epochs() > 0).count());
        Map<UUID, Curve> curves = new LinkedHashMap<>();
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select trial_id, epoch, metrics_json from trial_curve where trial_id = any(?) order by trial_id, epoch")) {
            Array ids = c.createArrayOf("uuid", chosen.keySet().toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BoardRow r = chosen.get(rs.getObject(1, UUID.class));
                    Object v = Json.read(rs.getString(3), Map.class).get(s.metric());
                    if (!(v instanceof Number n)) continue;
                    Curve curve = curves.computeIfAbsent(
                            r.id(), k -> new Curve(r.number(), r.status(), new ArrayList<>(), new ArrayList<>()));
                    curve.epochs().add(rs.getInt(2));
                    curve.values().add(n.doubleValue());
                }
            }
        }
        List<Curve> ordered = new ArrayList<>(curves.values());
        ordered.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return new Curves(s.metric(), s.maximize() ? "maximize" : "minimize", trained, ordered.size(), ordered);
    }

    private static void addIfTrained(Map<UUID, BoardRow> out, BoardRow r) {
        if (r.epochs() > 0) out.putIfAbsent(r.id(), r);
    }
}
