package cn.perfeval.budget.security;

/** The roles of the {@code groups} claim (docs/security.md). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String FINANCE = "finance";
    public static final String EVALUATOR = "evaluator";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
