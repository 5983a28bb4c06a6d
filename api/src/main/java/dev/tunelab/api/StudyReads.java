package dev.tunelab.api;

import dev.tunelab.api.access.Access;
import dev.tunelab.api.access.Role;
import dev.tunelab.api.board.StudyAnalysis;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.Direction;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.store.DatasetEntity;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.StudyQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Studies as the API shows them: their spec, progress and best trial. */
@ApplicationScoped
public class StudyReads {
    @Inject
    Access access;

    /**
     * Every study with its progress and best trial, in three queries whatever the number of studies
     * (counts, best trials, dataset names): one pair of queries per study held a connection for
     * seconds once there were hundreds of studies, and concurrent lists then ran out of connections.
     */
    @Transactional
    public List<StudyView> list(String project) {
        Set<String> projects = access.readable(project);
        if (projects.isEmpty()) return List.of();
        List<StudyEntity> studies = StudyEntity.list("projectId in ?1 order by createdAt desc", projects);
        if (studies.isEmpty()) return List.of();
        Map<UUID, Map<TrialStatus, Integer>> counts = new HashMap<>();
        Map<UUID, StudyQueries.BestTrial> bests = new HashMap<>();
        for (String p : projects) {
            counts.putAll(StudyQueries.countsByStudy(p));
            bests.putAll(StudyQueries.bestByStudy(p));
        }
        Map<String, String> datasetNames = new HashMap<>();
        for (DatasetEntity d : DatasetEntity.<DatasetEntity>listAll()) datasetNames.put(d.id, d.name);
        return studies.stream()
                .map(st -> {
                    StudyQueries.BestTrial best = bests.get(st.id);
                    StudyView.Progress progress =
                            StudyView.Progress.of(st.plannedTrials, counts.getOrDefault(st.id, Map.of()));
                    return StudyView.of(
                            st,
                            datasetNames.get(st.datasetId),
                            progress,
                            best == null ? null : StudyView.Best.of(st.id, best));
                })
                .toList();
    }

    @Transactional
    public StudyView get(UUID id) {
        return view(study(id));
    }

    /** What the analysis of a study needs from its spec. */
    @Transactional
    public StudyAnalysis.Study analysisOf(UUID id) {
        StudyEntity s = study(id);
        StudySpec spec = Json.read(s.specJson, StudySpec.class);
        return new StudyAnalysis.Study(id, maximize(s), spec.objective().metric(), spec.space());
    }

    @Transactional
    public int bestTrialNumber(UUID id) {
        StudyView.Best best = best(study(id));
        if (best == null) throw ApiProblem.notFound("study " + id + " has no completed trial with a model yet");
        return best.number();
    }

    /** The study, when the caller may read it; else 404, as for a study that does not exist. */
    public StudyEntity study(UUID id) {
        return study(id, Role.VIEWER);
    }

    /** The study, when the caller holds {@code min} in its project (403 when a lower role). */
    public StudyEntity study(UUID id, Role min) {
        StudyEntity s = StudyEntity.findById(id);
        Supplier<ApiProblem> missing = () -> ApiProblem.notFound("no study with id " + id);
        if (s == null) throw missing.get();
        access.require(s.projectId, min, missing);
        return s;
    }

    /** The study as shown, read in the caller's transaction. */
    public StudyView view(StudyEntity s) {
        StudyView.Progress progress = StudyView.Progress.of(s.plannedTrials, StudyQueries.counts(s.id));
        DatasetEntity dataset = DatasetEntity.findById(s.datasetId);
        return StudyView.of(s, dataset == null ? null : dataset.name, progress, best(s));
    }

    static List<String> paramNames(StudyEntity s) {
        return List.copyOf(
                Json.read(s.specJson, StudySpec.class).space().params().keySet());
    }

    static boolean maximize(StudyEntity s) {
        return Direction.parse(s.direction) == Direction.MAXIMIZE;
    }

    private static StudyView.Best best(StudyEntity s) {
        return StudyQueries.best(s.id, maximize(s))
                .map(b -> StudyView.Best.of(s.id, b))
                .orElse(null);
    }
}
