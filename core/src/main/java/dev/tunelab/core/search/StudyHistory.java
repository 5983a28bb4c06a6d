package dev.tunelab.core.search;

import dev.tunelab.core.study.Direction;
import java.util.List;
import java.util.Map;

/** Every trial of a study so far, in creation order, as samplers see it. */
public record StudyHistory(Direction direction, List<Trial> trials) {

    public StudyHistory {
        trials = List.copyOf(trials);
    }

    /** One trial: its point, whether it has finished, and its objective when it has one. */
    public record Trial(int number, Map<String, Object> params, boolean finished, Double objective) {}
}
