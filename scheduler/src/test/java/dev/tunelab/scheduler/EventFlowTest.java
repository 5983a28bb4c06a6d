package dev.tunelab.scheduler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventFlowTest {
    @Test
    void leasesAreJudgedOnlyAfterAWholeLeaseOfSteadyEvents() {
        AtomicLong now = new AtomicLong();
        EventFlow flow = new EventFlow(now::get);
        Duration lease = Duration.ofSeconds(15);
        assertFalse(flow.steadyFor(lease), "nothing polled yet");
        flow.observe(true);
        now.addAndGet(Duration.ofSeconds(14).toNanos());
        flow.observe(true);
        assertFalse(flow.steadyFor(lease));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(flow.steadyFor(lease));
        flow.observe(false);
        assertFalse(flow.steadyFor(lease), "a break starts the count again");
        flow.observe(true);
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertTrue(flow.steadyFor(lease));
    }
}
