package dev.tunelab.store;

import dev.tunelab.core.study.TrialStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One point of a study's space, the concrete model made from it, and how its training went. */
@Entity
@Table(name = "trial")
public class TrialEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "study_id")
    public UUID studyId;

    @Column(name = "project_id")
    public String projectId;

    public int number;
    public int attempt;

    @Enumerated(EnumType.STRING)
    public TrialStatus status;

    @Column(name = "params_json")
    public String paramsJson;

    @Column(name = "model_json")
    public String modelJson;

    public Double objective;

    @Column(name = "epochs_done")
    public int epochsDone;

    @Column(name = "last_metrics_json")
    public String lastMetricsJson;

    /** Highest pruner rung passed; -1 before the first (or without a rung-based pruner). */
    public int rung = -1;

    /** Hyperband bracket, fixed at creation; 0 for every other pruner. */
    public int bracket;

    /** Parameters of the trial's network, counted as Keras counts them; null when not inferred. */
    @Column(name = "param_count")
    public Long paramCount;

    public String worker;
    public String message;

    /**
     * While RUNNING, the attempt is presumed alive until this instant; its worker's events push it
     * forward. Null for trials that hold no lease.
     */
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public TrialStatus state() {
        return status;
    }

    public void state(TrialStatus state) {
        status = state;
    }
}
