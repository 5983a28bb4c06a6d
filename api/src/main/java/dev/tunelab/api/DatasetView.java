package dev.tunelab.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.DatasetOptions;
import dev.tunelab.core.data.DatasetSummary;
import dev.tunelab.core.messages.Json;
import dev.tunelab.store.DatasetEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset as the API shows it. The vocabulary's words are left out (they can be many); workers
 * read them from {@code /meta}.
 *
 * @param rows samples: table rows, images, texts or time-series windows
 * @param vocabularySize token ids including padding (0) and unknown words (1); TOKENS only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetView(
        String id,
        String project,
        String name,
        String kind,
        String task,
        String label,
        List<DatasetSummary.Column> columns,
        List<String> classes,
        List<Integer> inputShape,
        Integer vocabularySize,
        DatasetOptions options,
        int rows,
        long sizeBytes,
        boolean builtin,
        Instant createdAt,
        String url) {

    static DatasetView of(DatasetEntity d) {
        List<DatasetSummary.Column> columns = Arrays.asList(Json.read(d.columnsJson, DatasetSummary.Column[].class));
        DatasetMeta meta = d.meta();
        int vocabulary = meta.vocabularySize();
        return new DatasetView(
                d.id,
                d.projectId,
                d.name,
                d.kind,
                d.task,
                d.labelColumn,
                columns,
                meta.classes(),
                d.shape(),
                vocabulary == 0 ? null : vocabulary,
                meta.options().withoutVocabulary(),
                d.rowCount,
                d.sizeBytes,
                d.builtin,
                d.createdAt,
                "/api/v1/datasets/" + d.id);
    }
}
