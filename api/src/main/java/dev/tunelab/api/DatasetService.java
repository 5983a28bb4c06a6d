package dev.tunelab.api;

import dev.tunelab.core.data.BadDatasetException;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.DatasetSummary;
import dev.tunelab.core.data.SampleReader;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.SafeText;
import dev.tunelab.store.DatasetContentEntity;
import dev.tunelab.store.DatasetEntity;
import dev.tunelab.store.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores datasets of every kind and answers what studies need to know about them. Each upload is
 * read whole with the same reader the workers use, so a file that cannot train is refused at the
 * door, and the stored meta is complete (classes, vocabulary, lengths, image size).
 */
@ApplicationScoped
public class DatasetService {

    /** Profiles and stores a dataset; nothing is stored when it cannot be read. */
    @Transactional
    public DatasetEntity create(String id, String name, DatasetMeta request, byte[] content, boolean builtin) {
        DatasetSummary summary;
        try {
            summary = SampleReader.profile(request, content);
        } catch (BadDatasetException e) {
            throw ApiProblem.invalid("$." + e.field(), e.getMessage());
        }
        DatasetMeta meta = summary.meta();
        DatasetEntity d = new DatasetEntity();
        d.id = id == null ? UUID.randomUUID().toString() : id;
        d.projectId = Projects.DEFAULT;
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
        return d;
    }

    @Transactional
    public List<DatasetEntity> list() {
        return DatasetEntity.list("projectId = ?1 order by builtin desc, createdAt desc", Projects.DEFAULT);
    }

    @Transactional
    public DatasetEntity get(String id) {
        DatasetEntity d = storable(id) ? DatasetEntity.findById(id) : null;
        if (d == null) throw ApiProblem.notFound("no dataset with id '" + id + "'");
        return d;
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

    @Transactional
    public Optional<DatasetFacts> facts(String id) {
        DatasetEntity d = storable(id) ? DatasetEntity.findById(id) : null;
        return d == null ? Optional.empty() : Optional.of(d.facts());
    }

    /** An id PostgreSQL cannot even compare (U+0000, say) names no dataset; asking must not be a 500. */
    private static boolean storable(String id) {
        return SafeText.problem(id) == null;
    }
}
