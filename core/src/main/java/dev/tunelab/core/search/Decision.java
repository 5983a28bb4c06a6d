package dev.tunelab.core.search;

/**
 * What a pruner decided after an epoch.
 *
 * @param rung the highest rung the trial has now passed (-1 for none, or for pruners without rungs)
 * @param reason why the trial is stopped, shown with it; null when it goes on
 */
public record Decision(boolean prune, int rung, String reason) {
    public static Decision keep(int rung) {
        return new Decision(false, rung, null);
    }

    public static Decision stop(int rung, String reason) {
        return new Decision(true, rung, reason);
    }
}
