package dev.tunelab.worker;

import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.SampleReader;
import dev.tunelab.core.data.Samples;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Datasets are immutable once uploaded, so each is fetched and read once per worker. Trial slots
 * asking for the same dataset at once share one read: a full image set is hundreds of megabytes of
 * floats, and reading it twice would double that.
 */
final class DatasetCache {

    /** A dataset read as its stored meta says. */
    record Entry(DatasetMeta meta, Samples samples) {
        /** The classes in output order, or null for regression. */
        List<String> classes() {
            return samples.classes();
        }
    }

    private final ApiClient api;
    private final Map<String, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();

    DatasetCache(ApiClient api) {
        this.api = api;
    }

    Entry get(String id) throws IOException, InterruptedException {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> existing = entries.putIfAbsent(id, mine);
        if (existing == null) {
            try {
                DatasetMeta meta = api.datasetMeta(id);
                mine.complete(new Entry(meta, SampleReader.read(meta, api.datasetContent(id))));
            } catch (IOException | InterruptedException | RuntimeException e) {
                // A failed fetch is not cached: the next trial tries again.
                entries.remove(id, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            throw new IOException("reading dataset " + id + " failed", cause);
        }
    }
}
