package cn.perfeval.scoring.service;

/** The actions of scoring-service's audit trail, as stored in {@code audit_entry.action}. */
public final class AuditActions {

    public static final String SYSTEM_CREATED = "system.created";
    public static final String SYSTEM_VERSION_ADDED = "system.version-added";
    public static final String ASSIGNMENT_SET = "assignment.set";
    public static final String JUDGEMENT_RECORDED = "judgement.recorded";
    public static final String REVIEW_RECORDED = "review.recorded";
    public static final String PUBLISHED_RECORDED = "published.recorded";
    public static final String SCORE_RECOMPUTED = "score.recomputed";

    private AuditActions() {
    }
}
