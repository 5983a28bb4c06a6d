package dev.tunelab.bench;

import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.SampleReader;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Direction;
import dev.tunelab.core.study.StudyParser;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.core.template.TemplateResolver;
import dev.tunelab.scheduler.search.samplers.RandomSampler;
import dev.tunelab.scheduler.search.samplers.Samplers;
import dev.tunelab.worker.training.TrialTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * Trains random MLP configurations on sklearn's digits (8×8 images, 10 classes) with the worker's
 * own trainer for the full epoch budget and writes every learning curve to a CSV, so pruners can be
 * replayed on real curves without training again.
 */
final class CurveRecorder {
    static final Path DIGITS = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz");
    static final String STUDY = """
      {"dataset": "digits", "budget": {"epochs": %d},
       "space": {"units": {"type": "int", "min": 8, "max": 128},
                 "activation": {"type": "choice", "values": ["relu", "tanh", "sigmoid"]},
                 "dropout": {"type": "float", "min": 0.0, "max": 0.5},
                 "optimizer": {"type": "choice", "values": ["adam", "sgd", "rmsprop"]},
                 "lr": {"type": "float", "min": 0.00001, "max": 0.1, "log": true}},
       "template": {"layers": [{"type": "Dense", "units": {"param": "units"}, "activation": {"param": "activation"}},
                               {"type": "Dropout", "rate": {"param": "dropout"}}],
                    "optimizer": {"param": "optimizer"}, "learning_rate": {"param": "lr"}, "batch_size": 64}}
      """;

    private CurveRecorder() {}

    static void record(int trials, int epochs, Path out) throws IOException {
        Samples data = SampleReader.readUpload(DatasetMeta.table("digit", Task.CLASSIFICATION), digitsCsv());
        DatasetFacts facts = new DatasetFacts(Task.CLASSIFICATION, 64, 10);
        StudySpec spec =
                new StudyParser(id -> Optional.of(facts), () -> 1).parse(Json.MAPPER.readTree(STUDY.formatted(epochs)));
        TrialTrainer trainer = new TrialTrainer();
        List<StudyHistory.Trial> none = new ArrayList<>();
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("trial,epoch,val_accuracy,params");
            for (int n = 0; n < trials; n++) {
                Map<String, Object> params = new RandomSampler()
                        .suggest(spec.space(), new StudyHistory(Direction.MAXIMIZE, none), Samplers.streamFor(1, n))
                        .orElseThrow();
                ModelSpec model = TemplateResolver.resolve(spec.template(), params, facts);
                TrialCommand cmd = new TrialCommand(
                        TrialCommand.VERSION,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        n,
                        1,
                        "digits",
                        params,
                        model,
                        epochs,
                        1,
                        0.25,
                        "val_accuracy",
                        0,
                        false);
                int number = n;
                String p = Json.write(params).replace("\"", "'");
                trainer.train(
                        cmd,
                        data,
                        (epoch, m) -> w.printf("%d,%d,%.6f,\"%s\"%n", number, epoch, m.get("val_accuracy"), p),
                        () -> false);
                w.flush();
                System.err.printf("trial %d/%d %s%n", n + 1, trials, p);
            }
        }
    }

    /** sklearn's file has no header: 64 pixel columns, then the digit. */
    static byte[] digitsCsv() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 64; i++) header.append("p").append(i).append(',');
        csv.write(header.append("digit\n").toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DIGITS))) {
            in.transferTo(csv);
        }
        return csv.toByteArray();
    }
}
