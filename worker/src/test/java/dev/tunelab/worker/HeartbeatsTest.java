package dev.tunelab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

    @Test
    void aTrialBeatsUntilClosedAndCountsAsBusyMeanwhile() throws Exception {
        try (Heartbeats h = new Heartbeats(Duration.ofMillis(10))) {
            CountDownLatch three = new CountDownLatch(3);
            AtomicInteger beats = new AtomicInteger();
            Heartbeats.Trial trial = h.trial(() -> {
                beats.incrementAndGet();
                three.countDown();
            });
            assertEquals(1, h.running());
            assertTrue(three.await(5, TimeUnit.SECONDS));
            trial.close();
            trial.close();
            assertEquals(0, h.running(), "closing twice frees one slot");
            Thread.sleep(20);
            int after = beats.get();
            Thread.sleep(100);
            assertEquals(after, beats.get(), "no beats after close");
        }
    }

    @Test
    void aFailingBeatDoesNotEndTheBeating() throws Exception {
        try (Heartbeats h = new Heartbeats(Duration.ofMillis(10))) {
            CountDownLatch three = new CountDownLatch(3);
            h.worker(() -> {
                three.countDown();
                throw new IllegalStateException("API down");
            });
            assertTrue(three.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new Heartbeats(Duration.ZERO));
    }
}
