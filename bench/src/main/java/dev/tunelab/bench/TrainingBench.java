package dev.tunelab.bench;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.IdxImagesFormat;
import dev.tunelab.core.data.SampleReader;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.Architecture;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.worker.training.DataSets;
import dev.tunelab.worker.training.Head;
import dev.tunelab.worker.training.NativeMemory;
import dev.tunelab.worker.training.NativeThreads;
import dev.tunelab.worker.training.NetworkFactory;
import dev.tunelab.worker.training.TrainingResult;
import dev.tunelab.worker.training.TrialTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TuneLab's side of bench/training.sh (bench/training/torch_bench.py is PyTorch's): networks built
 * by TuneLab's own template → network path, trained on Fashion-MNIST or sklearn's digits.
 *
 * <pre>
 *   TrainingBench gemm - THREADS                float32 GEMM GFLOP/s (2048 x 2048)
 *   TrainingBench throughput mlp|cnn THREADS   training and inference samples/s
 *   TrainingBench trial fashion|digits THREADS  one trial through the worker's TrialTrainer
 * </pre>
 *
 * Prints one JSON object per line, with the same keys as the Python side.
 */
public final class TrainingBench {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    static final String MLP = """
      {"layers": [{"type": "Dense", "units": 512, "activation": "relu"},
                  {"type": "Dense", "units": 256, "activation": "relu"}],
       "optimizer": "adam", "learning_rate": 0.001, "batch_size": 128}""";
    static final String CNN = """
      {"layers": [{"type": "Conv2D", "filters": 32, "kernel_size": 3, "padding": "same", "activation": "relu"},
                  {"type": "MaxPooling2D", "pool_size": 2},
                  {"type": "Flatten"},
                  {"type": "Dense", "units": 128, "activation": "relu"},
                  {"type": "Dropout", "rate": 0.25}],
       "optimizer": "adam", "learning_rate": 0.001, "batch_size": 128}""";
    static final String SMALL = """
      {"layers": [{"type": "Dense", "units": 64, "activation": "tanh"}, {"type": "Dropout", "rate": 0.2}],
       "optimizer": "adam", "learning_rate": 0.001, "batch_size": 16}""";

    private TrainingBench() {}

    public static void main(String[] args) throws Exception {
        NativeMemory.configure();
        String mode = args[0];
        String what = args[1];
        int threads = Integer.parseInt(args[2]);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeThreads.limit(threads);
        if (mode.equals("gemm")) {
            // The achievable peak of the product itself: OpenBLAS on all the threads, as PyTorch's is.
            Nd4j.factory().blas().setMaxThreads(threads);
            System.out.println(gemm(2048, 10));
        } else if (mode.equals("throughput")) {
            System.out.println(throughput(what, what.equals("mlp") ? 200 : 60));
        } else {
            trial(what, 1);
            System.out.println(trial(what, 2));
        }
    }

    /** ND4J's float32 matrix multiply (OpenBLAS) on these threads, for the achievable peak. */
    static String gemm(int n, int reps) {
        var a = Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        var b = Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        a.mmul(b);
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) a.mmul(b);
        double gflops = 2.0 * n * n * n * reps / ((System.nanoTime() - t) / 1e9) / 1e9;
        return Json.write(Map.of("engine", "tunelab", "gemm", n, "gflops", gflops));
    }

    static String throughput(String kind, int batches) throws IOException {
        Samples data = fashion(10_000);
        DatasetFacts facts = new DatasetFacts(Task.CLASSIFICATION, 784, 10, DatasetKind.IMAGES, List.of(28, 28, 1), 0);
        ModelSpec spec = Architecture.build(Json.MAPPER.readTree(kind.equals("mlp") ? MLP : CNN), Map.of(), facts)
                .spec();
        MultiLayerNetwork net = NetworkFactory.build(spec, DatasetKind.IMAGES, facts.inputShape(), 1);
        Head head = Head.of(Task.CLASSIFICATION, spec.output());
        int[] rows = IntStream.range(0, data.size()).toArray();
        List<DataSet> train = new ArrayList<>();
        DataSets.chunks(data, rows, head, 128, new ImagePreProcessingScaler(0, 1))
                .forEach(train::add);
        train.remove(train.size() - 1); // a full batch every step, as on the Python side
        List<DataSet> eval = new ArrayList<>();
        DataSets.chunks(data, rows, head, 512, new ImagePreProcessingScaler(0, 1))
                .forEach(eval::add);

        for (int i = 0; i < 10; i++) net.fit(train.get(i % train.size()));
        long t = System.nanoTime();
        for (int i = 0; i < batches; i++) net.fit(train.get(i % train.size()));
        double trainSps = batches * 128.0 / ((System.nanoTime() - t) / 1e9);
        net.output(eval.get(0).getFeatures(), false);
        t = System.nanoTime();
        for (DataSet d : eval) net.output(d.getFeatures(), false);
        double inferSps = data.size() / ((System.nanoTime() - t) / 1e9);
        return Json.write(Map.of(
                "engine",
                "tunelab",
                "net",
                kind,
                "params",
                net.numParams(),
                "train_sps",
                trainSps,
                "infer_sps",
                inferSps));
    }

    /**
     * One trial as the worker trains it (the trainer, with checkpoints written as the worker's are).
     */
    static String trial(String kind, long seed) throws IOException {
        boolean fashion = kind.equals("fashion");
        Samples data = fashion
                ? fashion(10_000)
                : SampleReader.readUpload(DatasetMeta.table("digit", Task.CLASSIFICATION), CurveRecorder.digitsCsv());
        DatasetFacts facts = fashion
                ? new DatasetFacts(Task.CLASSIFICATION, 784, 10, DatasetKind.IMAGES, List.of(28, 28, 1), 0)
                : new DatasetFacts(Task.CLASSIFICATION, 64, 10);
        ModelSpec spec = Architecture.build(Json.MAPPER.readTree(fashion ? CNN : SMALL), Map.of(), facts)
                .spec();
        int epochs = fashion ? 3 : 30;
        // Digits: the study's test split (20 %) is held out first, as in the run the issue describes.
        TrialCommand cmd = new TrialCommand(
                TrialCommand.VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                (int) seed,
                1,
                kind,
                Map.of(),
                spec,
                epochs,
                seed,
                0.2,
                "val_accuracy",
                fashion ? 0 : 0.2,
                false);
        List<Double> epochSeconds = new ArrayList<>();
        long[] last = {System.nanoTime()};
        long t = System.nanoTime();
        TrainingResult r = new TrialTrainer()
                .train(
                        cmd,
                        data,
                        null,
                        (e, m) -> {
                            long now = System.nanoTime();
                            epochSeconds.add((now - last[0]) / 1e9);
                            last[0] = now;
                        },
                        c -> {},
                        () -> false);
        double seconds = (System.nanoTime() - t) / 1e9;
        Collections.sort(epochSeconds);
        return Json.write(Map.of(
                "engine",
                "tunelab",
                "trial",
                kind,
                "epochs",
                epochs,
                "seconds",
                seconds,
                "epoch_seconds",
                epochSeconds.get(epochSeconds.size() / 2),
                "val_accuracy",
                r.objective()));
    }

    /**
     * The first {@code n} Fashion-MNIST training images, read by the service's own IDX reader (the
     * files cut to {@code n} items: the count is the 4-byte field after the magic number).
     */
    static Samples fashion(int n) throws IOException {
        byte[] images = first(gunzip(FASHION.resolve("train-images-idx3-ubyte.gz")), n, 16, 784);
        byte[] labels = first(gunzip(FASHION.resolve("train-labels-idx1-ubyte.gz")), n, 8, 1);
        DatasetMeta meta = new DatasetMeta(DatasetKind.IMAGES, Task.CLASSIFICATION, null, null, null);
        return SampleReader.readUpload(meta, IdxImagesFormat.pack(images, labels));
    }

    private static byte[] first(byte[] idx, int n, int header, int itemSize) {
        byte[] out = Arrays.copyOf(idx, header + n * itemSize);
        ByteBuffer.wrap(out, 4, 4).putInt(n);
        return out;
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }
}
