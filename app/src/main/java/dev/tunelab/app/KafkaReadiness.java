package dev.tunelab.app;

import dev.tunelab.core.messages.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers; PostgreSQL has the datasource's own check. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
    @ConfigProperty(name = "tunelab.kafka.bootstrap")
    String bootstrap;

    private Admin admin;

    @Override
    public synchronized HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka").withData("bootstrap", bootstrap);
        try {
            if (admin == null) {
                Map<String, Object> config = Topics.adminConfig(bootstrap);
                config.put("request.timeout.ms", 3000);
                config.put("default.api.timeout.ms", 3000);
                admin = Admin.create(config);
            }
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .size();
            return response.withData("nodes", nodes).status(nodes > 0).build();
        } catch (Exception e) {
            return response.withData("error", String.valueOf(e.getMessage()))
                    .down()
                    .build();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) admin.close();
    }
}
