package dev.tunelab.app.chaos;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One chaos cluster for every scenario in the test run: an api+scheduler process with short leases
 * and two single-slot worker processes. Starting it takes longer than most repetitions, so it lives
 * in the root store and JUnit closes it when the run ends. Each scenario leaves it whole.
 */
final class SharedChaosCluster implements ParameterResolver {
    /** Short, so that a killed worker's trial is re-queued within seconds. */
    static final String LEASE = "PT5S";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChaosCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedChaosCluster.class))
                .computeIfAbsent(ChaosCluster.class, k -> start(), ChaosCluster.class);
    }

    private static ChaosCluster start() {
        try {
            ChaosCluster cluster = ChaosCluster.start("api,scheduler", LEASE);
            try {
                cluster.startWorker(1);
                cluster.startWorker(1);
            } catch (IOException | RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the chaos cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
