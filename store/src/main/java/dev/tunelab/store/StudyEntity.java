package dev.tunelab.store;

import dev.tunelab.core.study.StudyStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A study as stored: the validated spec as JSON plus the columns queries filter on. */
@Entity
@Table(name = "study")
public class StudyEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "project_id")
    public String projectId;

    public String name;

    @Enumerated(EnumType.STRING)
    public StudyStatus status;

    @Column(name = "dataset_id")
    public String datasetId;

    @Column(name = "spec_json")
    public String specJson;

    public String direction;

    @Column(name = "planned_trials")
    public int plannedTrials;

    @Column(name = "parallel_trials")
    public int parallelTrials;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String message;

    /**
     * The trial evaluated on the test split (the best one when the study ended); null without one.
     */
    @Column(name = "test_trial_number")
    public Integer testTrialNumber;

    /** Its metrics on the test split ({@code test_accuracy}, ...); null until the worker reports. */
    @Column(name = "test_metrics_json")
    public String testMetricsJson;

    /** Why the test evaluation could not be done, if it could not. */
    @Column(name = "test_message")
    public String testMessage;

    public boolean active() {
        return status != null && status.active();
    }
}
