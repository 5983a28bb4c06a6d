package dev.tunelab.api;

import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.study.Task;
import dev.tunelab.store.DatasetEntity;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the built-in datasets (Iris) available without an upload. */
@ApplicationScoped
public class BuiltinDatasets {
    public static final String IRIS = "iris";

    @Inject
    DatasetService datasets;

    @ConfigProperty(name = "tunelab.roles", defaultValue = "api,scheduler,worker")
    List<String> roles;

    @Transactional
    void seed(@Observes StartupEvent ev) {
        if (!roles.contains("api") || DatasetEntity.findById(IRIS) != null) return;
        try (InputStream in = BuiltinDatasets.class.getResourceAsStream("/datasets/iris.csv")) {
            datasets.create(
                    IRIS,
                    "Iris (built in)",
                    DatasetMeta.table("species", Task.CLASSIFICATION),
                    in.readAllBytes(),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
