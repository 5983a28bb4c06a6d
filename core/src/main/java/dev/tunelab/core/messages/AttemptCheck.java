package dev.tunelab.core.messages;

/**
 * The API's answer to a worker that asks, before it spends time training, whether an attempt should
 * still run ({@code GET /api/v1/internal/trials/{id}/attempts/{attempt}}).
 *
 * @param run true while {@code attempt} is the trial's current attempt and the trial is queued or
 *     running; false when it was cancelled or superseded
 * @param status the trial's status now
 * @param attempt the trial's current attempt, which may be later than the one asked about
 */
public record AttemptCheck(boolean run, String status, int attempt) {}
