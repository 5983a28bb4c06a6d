package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tunelab.core.messages.Json;
import org.junit.jupiter.api.Test;

/** A study says where its trials train; stored studies without the field train on CPUs. */
class DeviceFieldTest {
    private static final String STUDY = """
      {"dataset": "iris", %s "space": {"u": {"type": "int", "min": 4, "max": 8}},
       "template": {"layers": [{"type": "Dense", "units": {"param": "u"}}]}}
      """;

    private static StudySpec parse(String device) throws Exception {
        return TestDatasets.parser().parse(Json.MAPPER.readTree(STUDY.formatted(device)));
    }

    @Test
    void cpuByDefaultGpuWhenAsked() throws Exception {
        assertEquals("cpu", parse("").device());
        assertEquals("gpu", parse("\"device\": \"gpu\",").device());
    }

    @Test
    void anotherDeviceIsRefusedAtItsPath() {
        InvalidStudyException e = assertThrows(InvalidStudyException.class, () -> parse("\"device\": \"tpu\","));
        assertEquals("$.device", e.violations().get(0).path());
    }

    @Test
    void aStoredStudyWithoutDeviceTrainsOnCpus() throws Exception {
        StudySpec spec = parse("\"device\": \"gpu\",");
        String stored = Json.write(spec).replace("\"device\":\"gpu\",", "").replace(",\"device\":\"gpu\"", "");
        assertEquals("cpu", Json.read(stored, StudySpec.class).device());
    }
}
