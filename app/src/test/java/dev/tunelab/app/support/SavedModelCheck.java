package dev.tunelab.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads a downloaded model the way a user would, with nothing from TuneLab's worker: DL4J's
 * ModelSerializer for the network and normalizer, the model card for the split and the classes.
 */
public final class SavedModelCheck {
    private SavedModelCheck() {}

    public static double validationAccuracy(Path zip, byte[] csv, String label) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile());
        DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(zip.toFile());
        JsonNode card;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            card = Json.MAPPER.readTree(z.getInputStream(z.getEntry("modelcard.json")));
        }
        List<String> classes = new ArrayList<>();
        card.get("classes").forEach(c -> classes.add(c.asText()));
        String[] lines = new String(csv, StandardCharsets.UTF_8).strip().split("\n");
        String[] header = lines[0].split(",");
        int labelAt = List.of(header).indexOf(label);
        JsonNode rows = card.at("/split/validationRows");
        double[][] x = new double[rows.size()][header.length - 1];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] f = lines[rows.get(i).asInt() + 1].split(",");
            for (int c = 0, k = 0; c < f.length; c++) {
                if (c == labelAt) y[i] = classes.indexOf(f[c].strip());
                else x[i][k++] = Double.parseDouble(f[c]);
            }
        }
        INDArray features = Nd4j.create(x).castTo(net.params().dataType());
        normalizer.transform(features);
        INDArray predicted = net.output(features).argMax(1);
        int correct = 0;
        for (int i = 0; i < y.length; i++) if (predicted.getInt(i) == y[i]) correct++;
        return (double) correct / y.length;
    }
}
