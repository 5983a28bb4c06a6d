package dev.tunelab.api.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LookbackTest {
    @Test
    void withinTheWindowReadingResumesFromTheFirstMark() {
        Lookback lookback = new Lookback(TimeUnit.HOURS.toNanos(1));
        assertEquals(10, lookback.floor(10));
        assertEquals(10, lookback.floor(25));
        assertEquals(10, lookback.floor(40));
    }

    @Test
    void marksOlderThanTheWindowAreLetGo() throws InterruptedException {
        Lookback lookback = new Lookback(TimeUnit.MILLISECONDS.toNanos(1));
        lookback.floor(10);
        Thread.sleep(5);
        lookback.floor(25);
        Thread.sleep(5);
        // The newest mark at least a window old is 25: a transaction slower than the window is missed.
        assertEquals(25, lookback.floor(40));
    }

    @Test
    void aZeroWindowResumesRightAfterWhatWasRead() {
        Lookback lookback = new Lookback(0);
        assertEquals(7, lookback.floor(7));
        assertEquals(9, lookback.floor(9));
    }
}
