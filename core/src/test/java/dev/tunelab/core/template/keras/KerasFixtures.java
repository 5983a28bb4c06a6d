package dev.tunelab.core.template.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The six fixture models, the dataset each is meant for, and reading them from the classpath. */
enum KerasFixtures {
    MLP_TABULAR("mlp-tabular", new DatasetFacts(Task.CLASSIFICATION, 4, 3)),
    CNN_IMAGES("cnn-images", images()),
    CNN_GLOBAL_POOLING("cnn-global-pooling", images()),
    LSTM_TEXT("lstm-text", new DatasetFacts(Task.CLASSIFICATION, 100, 2, DatasetKind.TOKENS, List.of(100), 10000)),
    RNN_SERIES("rnn-series", new DatasetFacts(Task.REGRESSION, 50, 0, DatasetKind.SEQUENCE, List.of(50, 1), 0)),
    LSTM_SERIES_GLOBAL(
            "lstm-series-global", new DatasetFacts(Task.REGRESSION, 150, 0, DatasetKind.TIMESERIES, List.of(50, 3), 0));

    final String name;
    final DatasetFacts facts;

    KerasFixtures(String name, DatasetFacts facts) {
        this.name = name;
        this.facts = facts;
    }

    static DatasetFacts images() {
        return new DatasetFacts(Task.CLASSIFICATION, 784, 10, DatasetKind.IMAGES, List.of(28, 28, 1), 0);
    }

    String file(int kerasVersion) {
        return name + ".keras" + kerasVersion + ".json";
    }

    ObjectNode model(int kerasVersion) {
        return (ObjectNode) read("/keras/" + file(kerasVersion));
    }

    JsonNode expected() {
        return read("/keras/expected/" + name + ".json");
    }

    static JsonNode read(String resource) {
        try (InputStream in = KerasFixtures.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no resource " + resource);
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A study template around {@code keras}, as a request gives it. */
    static ObjectNode template(JsonNode keras) {
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.set("keras", keras);
        return t;
    }
}
