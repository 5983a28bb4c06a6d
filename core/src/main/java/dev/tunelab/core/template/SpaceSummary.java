package dev.tunelab.core.template;

/**
 * What a study's search space gives as networks, found before any trial runs by building the points
 * of {@link SpaceCorners}: the range of parameter counts of the valid ones and how many points
 * could not exist. Shown with the study.
 *
 * @param minParams the fewest parameters of a valid checked point (0 when none was valid)
 * @param maxParams the most parameters of a valid checked point (0 when none was valid)
 * @param pointsChecked how many points were built
 * @param pointsInvalid how many of them gave no network
 * @param exhaustive whether every combination of extremes was checked (else a seeded sample)
 * @param invalidPath the template path of the first invalid point's offending layer, or null
 * @param invalidReason why that point gave no network, or null
 */
public record SpaceSummary(
        long minParams,
        long maxParams,
        int pointsChecked,
        int pointsInvalid,
        boolean exhaustive,
        String invalidPath,
        String invalidReason) {

    /** Whether no checked point gave a network. */
    public boolean noneValid() {
        return pointsChecked > 0 && pointsInvalid == pointsChecked;
    }
}
