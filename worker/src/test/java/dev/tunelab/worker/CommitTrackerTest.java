package dev.tunelab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitTrackerTest {
    static final TopicPartition P0 = new TopicPartition("tunelab.trials", 0);
    static final TopicPartition P1 = new TopicPartition("tunelab.trials", 1);

    @Test
    void commitsOnlyBelowTheOldestRunningTrial() {
        CommitTracker t = new CommitTracker();
        t.started(P0, 10);
        t.started(P0, 11);
        assertEquals(Map.of(P0, new OffsetAndMetadata(10)), t.toCommit());
        t.finished(P0, 11);
        assertTrue(t.toCommit().isEmpty(), "10 still runs, so 11 must be delivered again after a crash");
        t.finished(P0, 10);
        assertEquals(Map.of(P0, new OffsetAndMetadata(12)), t.toCommit());
        assertEquals(0, t.running());
    }

    @Test
    void partitionsAreIndependentAndRevokedOnesForgotten() {
        CommitTracker t = new CommitTracker();
        t.started(P0, 3);
        t.started(P1, 7);
        t.finished(P1, 7);
        assertEquals(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(8)), t.toCommit());
        t.revoked(List.of(P0));
        t.finished(P0, 3);
        assertTrue(t.toCommit().isEmpty());
        assertEquals(0, t.running());
    }
}
