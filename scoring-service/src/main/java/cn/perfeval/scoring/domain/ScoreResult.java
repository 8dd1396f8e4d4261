package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one unit-year under one indicator system: every indicator with its
 * explanation, every group's subtotal, the total and the grade.
 */
public record ScoreResult(String systemCode, int systemVersion, String systemName,
                          BigDecimal total, BigDecimal maxTotal, String grade, boolean complete,
                          List<GroupResult> groups, List<IndicatorResult> indicators,
                          List<Inconsistency> inconsistencies) {

    /** The same result with the differences from what the unit published. */
    public ScoreResult withInconsistencies(List<Inconsistency> found) {
        return new ScoreResult(systemCode, systemVersion, systemName, total, maxTotal, grade, complete, groups,
                indicators, List.copyOf(found));
    }

    public enum Status {
        /** Computed from the measures. */
        SCORED,
        /** A judged indicator with no judgement yet: it counts 0 until judged. */
        AWAITING_JUDGEMENT,
        /** A measure the formula needs is not recorded yet. */
        MISSING_DATA,
        /** The formula cannot be evaluated on these figures (e.g. a zero budget). */
        NOT_COMPUTABLE
    }

    /** A group's subtotal; {@code parent} is null for a first-level group. */
    public record GroupResult(String code, String name, String parent, BigDecimal maxPoints, BigDecimal points) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorResult(String code, String name, String group, BigDecimal maxPoints, BigDecimal points,
                                  Status status, String formula, Map<String, BigDecimal> measures,
                                  BigDecimal exactValue, BigDecimal displayValue, String unit,
                                  String rule, String explanation, Judgement judgement) {
    }

    /**
     * A difference between what the unit published and what is computed: {@code kind} is one of
     * GRADE, TOTAL, GROUP_POINTS, INDICATOR_POINTS, PRINTED_FIGURE, PRINTED_VALUE, UNKNOWN_INDICATOR.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inconsistency(String kind, String indicator, String published, String computed, String message) {
    }
}
