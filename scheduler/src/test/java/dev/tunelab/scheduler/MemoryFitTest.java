package dev.tunelab.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.template.MemoryEstimate;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryFitTest {
    /** 1000 features → Dense 4000 → 10 classes, Adam, batch 256: about 72 MB. */
    static final ModelSpec WIDE = new ModelSpec(
            List.of(new ModelSpec.Layer("Dense", Map.of("units", 4_000, "activation", "relu", "use_bias", true))),
            new ModelSpec.Output(10, "softmax", "categorical_crossentropy"),
            "adam",
            0.001,
            256,
            Map.of(),
            null,
            List.of(1_000),
            1_000L * 4_000 + 4_000 + 4_000L * 10 + 10);

    @Test
    void aNetworkLargerThanEveryWorkerIsRefusedWithBothSizes() {
        long needs = MemoryEstimate.of(WIDE).orElseThrow().total();
        assertEquals(
                Optional.of("needs about "
                        + MemoryEstimate.megabytesUp(needs)
                        + " MB for batch 256, the largest cpu worker has 50 MB"),
                MemoryFit.refusal(WIDE, "cpu", OptionalLong.of(50L << 20)));
    }

    @Test
    void aNetworkThatFitsIsNotRefused() {
        long needs = MemoryEstimate.of(WIDE).orElseThrow().total();
        assertEquals(Optional.empty(), MemoryFit.refusal(WIDE, "cpu", OptionalLong.of(needs)));
        assertEquals(Optional.empty(), MemoryFit.refusal(WIDE, "cpu", OptionalLong.of(8L << 30)));
    }

    @Test
    void withoutLiveWorkersNothingIsRefused() {
        assertEquals(Optional.empty(), MemoryFit.refusal(WIDE, "cpu", OptionalLong.empty()));
    }

    @Test
    void aNetworkWithoutShapesIsNotRefused() {
        ModelSpec old = new ModelSpec(WIDE.layers(), WIDE.output(), "adam", 0.001, 256);
        assertEquals(Optional.empty(), MemoryFit.refusal(old, "cpu", OptionalLong.of(1)));
    }
}
