package dev.tunelab.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.DatasetLimits;
import dev.tunelab.core.limits.Limit;
import dev.tunelab.core.study.StudyLimits;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The configured defaults are core's: a limit named in a refusal is the property an operator sets,
 * and its value without configuration is the one core's tools and tests use.
 */
class LimitsDefaultsTest {

    /** Each {@code tunelab.limits.*} property of {@link Limits} and its default, in bytes or units. */
    static Map<String, Long> defaults() {
        Map<String, Long> out = new HashMap<>();
        for (Field f : Limits.class.getDeclaredFields()) {
            ConfigProperty p = f.getAnnotation(ConfigProperty.class);
            if (p == null) continue;
            assertTrue(p.name().startsWith(Limit.PREFIX), p.name());
            String v = p.defaultValue();
            out.put(
                    p.name(),
                    v.matches("\\d+")
                            ? Long.parseLong(v)
                            : new MemorySizeConverter().convert(v).asLongValue());
        }
        return out;
    }

    @Test
    void theDefaultsAreCoresAndEachLimitIsAProperty() {
        Map<String, Long> defaults = defaults();
        DatasetLimits d = DatasetLimits.DEFAULT;
        StudyLimits s = StudyLimits.DEFAULT;
        for (Limit l : List.of(
                d.archiveBytes(),
                d.archiveEntries(),
                d.imagePixels(),
                d.tableCells(),
                s.trials(),
                s.layers(),
                s.units(),
                s.params())) {
            assertEquals(l.value(), defaults.get(l.name()), l.name());
        }
        assertEquals(256L << 20, defaults.get(Limit.PREFIX + Limits.REQUEST_BYTES));
        assertEquals(200L << 20, defaults.get(Limit.PREFIX + Limits.UPLOAD_BYTES));
        assertEquals(12, defaults.size(), "every limit is listed in the README's table: " + defaults.keySet());
    }

    @Test
    void aContentLengthThatIsNoNumberIsLeftToVertx() {
        assertEquals(-1, RequestSizeGuard.contentLength(null));
        assertEquals(-1, RequestSizeGuard.contentLength("many"));
        assertEquals(5_000_000_000L, RequestSizeGuard.contentLength(" 5000000000"));
    }
}
