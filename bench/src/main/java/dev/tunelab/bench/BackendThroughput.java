package dev.tunelab.bench;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.Architecture;
import dev.tunelab.worker.training.NetworkFactory;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one trial's network (the best Fashion-MNIST architecture of docs/benchmarks.md) on
 * whichever ND4J backend the classpath selects and prints the backend, its device and training
 * samples per second. bench/gpu.sh runs it with the CPU build and with {@code -Pcuda}.
 *
 * <p>Usage: {@code BackendThroughput [batches=200] [batchSize=128]}. The data are random images:
 * throughput does not depend on the pixels, and the machine with the GPU may have no data set.
 */
public final class BackendThroughput {
    private static final String TEMPLATE = """
      {"layers": [
         {"type": "Conv2D", "filters": 32, "kernel_size": 3, "padding": "same", "activation": "relu"},
         {"type": "MaxPooling2D", "pool_size": 2},
         {"type": "Flatten"},
         {"type": "Dense", "units": 128, "activation": "relu"},
         {"type": "Dropout", "rate": 0.25}],
       "optimizer": "adam", "learning_rate": 0.001, "batch_size": %d}
      """;

    private BackendThroughput() {}

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        DatasetFacts facts = new DatasetFacts(Task.CLASSIFICATION, 784, 10, DatasetKind.IMAGES, List.of(28, 28, 1), 0);
        Architecture.Built built =
                Architecture.build(Json.MAPPER.readTree(TEMPLATE.formatted(batchSize)), Map.of(), facts);
        MultiLayerNetwork net = NetworkFactory.build(built.spec(), DatasetKind.IMAGES, facts.inputShape(), 1);

        INDArray x = Nd4j.rand(DataType.FLOAT, batchSize, 1, 28, 28);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batchSize, 10);
        for (int i = 0; i < batchSize; i++) y.putScalar(i, i % 10, 1.0);
        DataSet batch = new DataSet(x, y);
        // Warm-up: the first iterations pay for kernel loading (and PTX compilation on a GPU).
        for (int i = 0; i < 20; i++) net.fit(batch);
        Nd4j.getExecutioner().commit();
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) net.fit(batch);
        Nd4j.getExecutioner().commit();
        double seconds = (System.nanoTime() - start) / 1e9;

        java.util.Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        System.out.printf(
                "| %s | %s | %d | %d | %.0f | %.1f |%n",
                Nd4j.getBackend().getClass().getSimpleName(),
                device(env),
                built.spec().paramCount(),
                batchSize,
                batches * (double) batchSize / seconds,
                seconds);
    }

    /** The GPU's name when ND4J reports one, else the CPU's core count as ND4J sees it. */
    private static String device(java.util.Properties env) {
        Object devices = env.get("cuda.devicesInformation");
        if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            return String.valueOf(first.get("cuda.deviceName"));
        }
        return "CPU, "
                + env.getOrDefault("cores", "?")
                + " cores, "
                + env.getOrDefault("omp.threads", "?")
                + " threads";
    }
}
