package dev.tunelab.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets are safe to commit when trials finish out of order: per partition, everything below
 * the oldest trial still running. A crash then re-delivers only unfinished trials.
 */
final class CommitTracker {
    private final Map<TopicPartition, TreeSet<Long>> running = new HashMap<>();
    private final Map<TopicPartition, Long> highestSeen = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    void started(TopicPartition tp, long offset) {
        running.computeIfAbsent(tp, k -> new TreeSet<>()).add(offset);
        highestSeen.merge(tp, offset, Math::max);
    }

    void finished(TopicPartition tp, long offset) {
        TreeSet<Long> r = running.get(tp);
        if (r != null) r.remove(offset);
    }

    int running() {
        return running.values().stream().mapToInt(TreeSet::size).sum();
    }

    /** Offsets that moved since the last call; empty when nothing new is safe. */
    Map<TopicPartition, OffsetAndMetadata> toCommit() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : highestSeen.entrySet()) {
            TreeSet<Long> r = running.get(e.getKey());
            long safe = r == null || r.isEmpty() ? e.getValue() + 1 : r.first();
            if (!Long.valueOf(safe).equals(committed.get(e.getKey()))) {
                out.put(e.getKey(), new OffsetAndMetadata(safe));
                committed.put(e.getKey(), safe);
            }
        }
        return out;
    }

    /**
     * Forgets partitions this consumer no longer owns; their unfinished trials go to the new owner.
     */
    void revoked(Iterable<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            running.remove(tp);
            highestSeen.remove(tp);
            committed.remove(tp);
        }
    }
}
