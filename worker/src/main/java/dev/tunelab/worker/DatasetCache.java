package dev.tunelab.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.study.Task;
import dev.tunelab.worker.training.TabularData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Datasets are immutable once uploaded, so each is fetched and parsed once per worker. */
final class DatasetCache {
  record Entry(TabularData data, List<String> classes) {}

  private final ApiClient api;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  DatasetCache(ApiClient api) {
    this.api = api;
  }

  Entry get(String id) throws IOException, InterruptedException {
    Entry e = entries.get(id);
    if (e != null) return e;
    JsonNode meta = api.dataset(id);
    Task task = Task.parse(meta.path("task").asText());
    List<String> classes = null;
    if (task == Task.CLASSIFICATION) {
      classes = new ArrayList<>();
      for (JsonNode c : meta.path("classes")) classes.add(c.asText());
    }
    TabularData data = TabularData.parse(api.datasetContent(id), meta.path("label").asText(), task, classes);
    e = new Entry(data, classes);
    entries.put(id, e);
    return e;
  }
}
