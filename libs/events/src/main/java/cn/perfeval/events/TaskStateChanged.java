package cn.perfeval.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * {@code TaskStateChanged} on {@code season-events}: a unit's self-evaluation task of a season changed state
 * (or was created), published by report-service through its outbox, keyed {@code unitCode:fiscalYear}. This
 * record, with its JSON Schema {@code schemas/task-state-changed.schema.json}, is the one definition of the event.
 *
 * <p>{@code action} is a task action (START, SUBMIT, REVIEW, RETURN, APPROVE, PUBLISH) or {@link #CREATED} when the
 * season was opened and the task created (then {@code fromState} is null and {@code toState} is NOT_STARTED).
 * {@code submissionNumber} is set on SUBMIT only; {@code taskVersion} is the task's version after the change (1 at
 * creation, +1 per transition), so that consumers can order and de-duplicate.
 */
public record TaskStateChanged(
        String eventId,
        String type,
        int schemaVersion,
        long seasonId,
        String county,
        int fiscalYear,
        String unitCode,
        String unitName,
        String action,
        String fromState,
        String toState,
        String toStateLabel,
        String actor,
        String role,
        String comment,
        Integer submissionNumber,
        LocalDate deadline,
        long taskVersion,
        OffsetDateTime occurredAt) {

    public static final String TYPE = "TaskStateChanged";
    public static final int SCHEMA_VERSION = 1;
    /** The action of the event published when a season creates the task. */
    public static final String CREATED = "CREATED";

    /** The Kafka record key: one unit-year's events stay in order on one partition. */
    public String key() {
        return unitCode + ":" + fiscalYear;
    }
}
