package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeThreadsTest {
    @Test
    void openBlasRunsOnTheCallingThreadUnlessTheSettingAsksForMore() {
        assertEquals(1, NativeThreads.blasThreads(null));
        assertEquals(1, NativeThreads.blasThreads(" "));
        assertEquals(4, NativeThreads.blasThreads(" 4 "));
        assertEquals(1, NativeThreads.blasThreads("0"));
        assertEquals(1, NativeThreads.blasThreads("many"));
    }
}
