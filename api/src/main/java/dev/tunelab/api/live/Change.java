package dev.tunelab.api.live;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One change to a study or trial, numbered by the database's {@code change_seq}. Pages use it as a
 * cue to re-read what they show; a trial change carries enough to update a progress bar in place.
 *
 * @param kind {@code study} or {@code trial}
 * @param number the trial's number; null for a study change
 * @param project whose change it is; only that project's members see it
 */
public record Change(
        String kind,
        long seq,
        String study,
        Integer number,
        String status,
        Integer epochsDone,
        Double objective,
        @JsonIgnore String project) {}
