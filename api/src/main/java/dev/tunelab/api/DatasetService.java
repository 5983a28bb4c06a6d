package dev.tunelab.api;

import dev.tunelab.api.access.Access;
import dev.tunelab.api.access.Audit;
import dev.tunelab.api.access.Role;
import dev.tunelab.api.access.WorkerGrants;
import dev.tunelab.api.limits.LimitProblems;
import dev.tunelab.api.limits.Limits;
import dev.tunelab.core.data.BadDatasetException;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.DatasetSummary;
import dev.tunelab.core.data.LimitExceededException;
import dev.tunelab.core.data.SampleReader;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.SafeText;
import dev.tunelab.store.DatasetContentEntity;
import dev.tunelab.store.DatasetEntity;
import dev.tunelab.store.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores datasets of every kind and answers what studies need to know about them. Each upload is
 * read whole with the same reader the workers use, so a file that cannot train is refused at the
 * door, and the stored meta is complete (classes, vocabulary, lengths, image size).
 */
@ApplicationScoped
public class DatasetService {

    @Inject
    Access access;

    @Inject
    WorkerGrants grants;

    @Inject
    Audit audit;

    @Inject
    Limits limits;

    /** A built-in dataset: kept in the default project and readable from every project. */
    @Transactional
    public DatasetEntity create(String id, String name, DatasetMeta request, byte[] content, boolean builtin) {
        return create(Projects.DEFAULT, id, name, request, content, builtin);
    }

    /** Profiles and stores a dataset; nothing is stored when it cannot be read. */
    @Transactional
    public DatasetEntity create(
            String project, String id, String name, DatasetMeta request, byte[] content, boolean builtin) {
        DatasetSummary summary;
        try {
            summary = SampleReader.profile(request, content, limits.datasets());
        } catch (LimitExceededException e) {
            throw LimitProblems.tooLarge("$." + e.field(), e.what(), e.limit());
        } catch (BadDatasetException e) {
            throw ApiProblem.invalid("$." + e.field(), e.getMessage());
        }
        DatasetMeta meta = summary.meta();
        DatasetEntity d = new DatasetEntity();
        d.id = id == null ? UUID.randomUUID().toString() : id;
        d.projectId = project;
        d.name = name;
        d.kind = meta.kind().json();
        d.task = meta.task().json();
        d.labelColumn = meta.label();
        d.columnsJson = Json.write(summary.columns());
        d.classesJson = meta.classes() == null ? null : Json.write(meta.classes());
        d.shapeJson = Json.write(summary.shape());
        d.optionsJson = Json.write(meta.options());
        d.rowCount = summary.rows();
        d.builtin = builtin;
        d.sizeBytes = content.length;
        d.createdAt = Instant.now();
        d.persist();
        DatasetContentEntity c = new DatasetContentEntity();
        c.datasetId = d.id;
        c.content = content;
        c.persist();
        if (!builtin) audit.record(project, "dataset.create", "dataset " + d.id, name);
        return d;
    }

    /** The built-in datasets and those of the caller's projects (or of {@code project} only). */
    @Transactional
    public List<DatasetEntity> list(String project) {
        Set<String> projects = access.readable(project);
        if (projects.isEmpty()) return DatasetEntity.list("builtin = true order by createdAt desc");
        return DatasetEntity.list("builtin = true or projectId in ?1 order by builtin desc, createdAt desc", projects);
    }

    /**
     * The dataset, when the caller may read it: built in, of one of its projects, or (a worker) of a
     * trial it claimed. Else 404, as for one that does not exist.
     */
    @Transactional
    public DatasetEntity get(String id) {
        DatasetEntity d = storable(id) ? DatasetEntity.findById(id) : null;
        if (d == null) throw missing(id);
        if (d.builtin || grants.workerMayRead(id)) return d;
        access.require(d.projectId, Role.VIEWER, () -> missing(id));
        return d;
    }

    private static ApiProblem missing(String id) {
        return ApiProblem.notFound("no dataset with id '" + id + "'");
    }

    /**
     * How to read the dataset's bytes: kind, task, label, classes and every option, vocabulary
     * included.
     */
    @Transactional
    public DatasetMeta meta(String id) {
        return get(id).meta();
    }

    @Transactional
    public byte[] content(String id) {
        get(id);
        DatasetContentEntity c = DatasetContentEntity.findById(id);
        return c.content;
    }

    /** What a study in {@code project} needs to know of a dataset it may use; empty when it may not. */
    @Transactional
    public Optional<DatasetFacts> facts(String id, String project) {
        DatasetEntity d = storable(id) ? DatasetEntity.findById(id) : null;
        if (d == null || !(d.builtin || d.projectId.equals(project))) return Optional.empty();
        return Optional.of(d.facts());
    }

    /** An id PostgreSQL cannot even compare (U+0000, say) names no dataset; asking must not be a 500. */
    private static boolean storable(String id) {
        return SafeText.problem(id) == null;
    }
}
