package dev.tunelab.api.limits;

import dev.tunelab.core.data.DatasetLimits;
import dev.tunelab.core.limits.Limit;
import dev.tunelab.core.study.StudyLimits;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code tunelab.limits.*} setting, read once. Byte sizes take Quarkus's suffixes ({@code
 * 256M}, {@code 1G}). The defaults are those of core's {@link DatasetLimits#DEFAULT} and {@link
 * StudyLimits#DEFAULT}, and the README's configuration table.
 */
@ApplicationScoped
public class Limits {
    public static final String REQUEST_BYTES = "request-bytes";
    public static final String UPLOAD_BYTES = "upload-bytes";
    public static final String STUDIES_RUNNING = "studies-running";
    public static final String UPLOADS_AT_ONCE = "uploads-at-once";

    /** A whole request body; checked from Content-Length before the body is read. */
    @ConfigProperty(name = "tunelab.limits.request-bytes", defaultValue = "256M")
    MemorySize requestBytes;

    /** One uploaded file, as sent (compressed when it is). */
    @ConfigProperty(name = "tunelab.limits.upload-bytes", defaultValue = "200M")
    MemorySize uploadBytes;

    @ConfigProperty(name = "tunelab.limits.archive-bytes", defaultValue = "1G")
    MemorySize archiveBytes;

    @ConfigProperty(name = "tunelab.limits.archive-entries", defaultValue = "500000")
    long archiveEntries;

    @ConfigProperty(name = "tunelab.limits.image-pixels", defaultValue = "1000000000")
    long imagePixels;

    @ConfigProperty(name = "tunelab.limits.table-cells", defaultValue = "10000000")
    long tableCells;

    @ConfigProperty(name = "tunelab.limits.study-trials", defaultValue = "10000")
    long studyTrials;

    @ConfigProperty(name = "tunelab.limits.study-layers", defaultValue = "256")
    long studyLayers;

    @ConfigProperty(name = "tunelab.limits.layer-units", defaultValue = "16384")
    long layerUnits;

    @ConfigProperty(name = "tunelab.limits.study-params", defaultValue = "100000000")
    long studyParams;

    /** Studies of one project that are not finished (pending or running). */
    @ConfigProperty(name = "tunelab.limits.studies-running", defaultValue = "20")
    long studiesRunning;

    /**
     * Uploads read and profiled at once; each holds at most its file and what its profile keeps, so
     * this bounds the heap uploads take.
     */
    @ConfigProperty(name = "tunelab.limits.uploads-at-once", defaultValue = "2")
    int uploadsAtOnce;

    public Limit request() {
        return Limit.of(REQUEST_BYTES, requestBytes.asLongValue());
    }

    public Limit upload() {
        return Limit.of(UPLOAD_BYTES, uploadBytes.asLongValue());
    }

    public DatasetLimits datasets() {
        return DatasetLimits.of(archiveBytes.asLongValue(), archiveEntries, imagePixels, tableCells);
    }

    public StudyLimits study() {
        return StudyLimits.of(studyTrials, studyLayers, layerUnits, studyParams);
    }

    public Limit studiesRunning() {
        return Limit.of(STUDIES_RUNNING, studiesRunning);
    }

    public Limit uploadsAtOnce() {
        return Limit.of(UPLOADS_AT_ONCE, uploadsAtOnce);
    }
}
