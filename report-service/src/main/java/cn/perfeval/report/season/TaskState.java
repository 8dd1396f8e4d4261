package cn.perfeval.report.season;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The state of a unit's self-evaluation task in a season, with the label a person reads. The
 * transitions between them are {@link TaskAction}s.
 */
public enum TaskState {
    NOT_STARTED("未开始"),
    FILLING("填报中"),
    SUBMITTED("已提交"),
    IN_REVIEW("审核中"),
    RETURNED("已退回"),
    APPROVED("已通过"),
    PUBLISHED("已公开");

    private final String label;

    TaskState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A unit in this state has not (or no longer) filed: it is overdue once the deadline has passed. */
    public boolean awaitsFiling() {
        return this == NOT_STARTED || this == FILLING || this == RETURNED;
    }

    /**
     * The days a task in this state is overdue on {@code today}: the days since {@code deadline} while it
     * awaits filing and today is after the deadline (the deadline's own day is not late); 0 otherwise.
     */
    public int daysOverdue(LocalDate deadline, LocalDate today) {
        return awaitsFiling() && today.isAfter(deadline) ? (int) ChronoUnit.DAYS.between(deadline, today) : 0;
    }
}
