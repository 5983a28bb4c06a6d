package dev.tunelab.scheduler;

import dev.tunelab.core.messages.Topics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates TuneLab's topics when they are missing. The leader does it on election, before anything
 * is published, so a fresh broker never auto-creates them with its own partition count.
 */
final class TopicSetup {
    private TopicSetup() {}

    static void ensure(String bootstrap) throws InterruptedException {
        try (Admin admin = Admin.create(Topics.adminConfig(bootstrap))) {
            for (String topic : Topics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Topics.PARTITIONS, (short) -1)))
                            .all()
                            .get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException(e);
                }
            }
        }
    }
}
