package dev.tunelab.core.study;

import java.util.List;

/** A submission that cannot run; carries every violation found, not only the first. */
public class InvalidStudyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public InvalidStudyException(List<Violation> violations) {
        super(
                violations.isEmpty()
                        ? "invalid"
                        : violations.get(0).path() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
