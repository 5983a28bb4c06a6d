package dev.tunelab.core.study.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The studies the fuzzer starts from (every file in the repository's examples/) and its donors. */
final class StudyDocuments {
    /** Surefire runs in the module's folder; the examples sit beside it at the repository root. */
    static final Path EXAMPLES = Path.of("..", "examples");

    /** Valid fragments the examples lack: blocks, other layer families, a Keras model, a test split. */
    private static final String FRAGMENTS = """
      [{"type": "Repeat", "times": {"param": "layers"}, "layers": [{"type": "Dense", "units": 8}]},
       {"type": "Choice", "choice": {"param": "optimizer"}, "options": {"adam": [{"type": "Dense", "units": 4}],
                                                                       "sgd": [{"type": "Dropout", "rate": 0.1}]}},
       {"type": "Conv2D", "filters": 8, "kernel_size": 3},
       {"type": "LSTM", "units": 8},
       {"type": "Embedding", "input_dim": 100, "output_dim": 8},
       {"type": "cosine", "decay_steps": {"param": "layers"}, "alpha": 0.1},
       {"loss": "mse"},
       {"fraction": 0.1},
       {"dataset": "images"},
       {"param": "optimizer", "in": ["sgd"]},
       {"type": "float", "min": 0.1, "max": 1, "gridPoints": 3}]
      """;

    private static final List<String> KERAS =
            List.of("keras/mlp-tabular.keras3.json", "keras/cnn-images.keras2.json", "keras/lstm-text.keras3.json");

    private StudyDocuments() {}

    record Example(String file, ObjectNode study) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Example> examples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Example> out = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Example(p.getFileName().toString(), (ObjectNode) Json.MAPPER.readTree(p.toFile())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every subtree of every example, the fragments above, and Keras templates. */
    static List<JsonNode> donors(List<Example> examples) {
        List<JsonNode> out = new ArrayList<>();
        for (Example e : examples) subtrees(e.study(), out);
        try {
            Json.MAPPER.readTree(FRAGMENTS).forEach(out::add);
            for (String k : KERAS) {
                try (InputStream in = StudyDocuments.class.getResourceAsStream("/" + k)) {
                    JsonNode keras = Json.MAPPER.readTree(in);
                    out.add(keras);
                    out.add(Json.MAPPER.createObjectNode().set("keras", keras));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static void subtrees(JsonNode n, List<JsonNode> out) {
        out.add(n);
        n.elements().forEachRemaining(c -> subtrees(c, out));
    }
}
