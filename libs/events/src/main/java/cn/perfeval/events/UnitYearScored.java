package cn.perfeval.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code UnitYearScored} on {@code score-events}: the result of one recomputation of a unit-year
 * under one indicator system, with every indicator's explanation. This record, with its JSON Schema
 * {@code schemas/unit-year-scored.schema.json}, is the one definition of the event: scoring-service
 * builds it from its result, report-service reads it through {@link EventCodec}. {@code assigned}
 * is true when {@code system} is the one assigned to the unit-year's county and year.
 */
public record UnitYearScored(
        String eventId,
        String type,
        int schemaVersion,
        String unitCode,
        int fiscalYear,
        String unitName,
        String county,
        long version,
        long budgetVersion,
        OffsetDateTime occurredAt,
        System system,
        BigDecimal total,
        BigDecimal maxTotal,
        String grade,
        boolean complete,
        List<Group> groups,
        List<Indicator> indicators,
        List<Inconsistency> inconsistencies,
        boolean assigned,
        Basis basis,
        @JsonInclude(JsonInclude.Include.NON_NULL) Review review) {

    public static final String TYPE = "UnitYearScored";
    public static final int SCHEMA_VERSION = 1;

    /** The kinds of {@link Inconsistency} scoring-service emits. */
    public static final List<String> INCONSISTENCY_KINDS = List.of("GRADE", "TOTAL", "GROUP_POINTS",
            "INDICATOR_POINTS", "PRINTED_FIGURE", "PRINTED_VALUE", "UNKNOWN_INDICATOR");

    /** The statuses of an {@link Indicator}. */
    public static final List<String> STATUSES = List.of("SCORED", "AWAITING_JUDGEMENT", "MISSING_DATA",
            "NOT_COMPUTABLE");

    public record System(String code, int version, String name) {
    }

    /** A group's subtotal; {@code parent} is null for a first-level group. */
    public record Group(String code, String name, String parent, BigDecimal maxPoints, BigDecimal points) {
    }

    /**
     * One indicator: {@code points} is absent unless scored, {@code status} one of {@link #STATUSES};
     * a computed indicator carries its formula, the measures used and its values, a judged one that
     * has been judged its {@code judgement}, a target-based one its {@code targets} (while some of its
     * targets lack an actual it is MISSING_DATA and {@code points} holds the points of the targets
     * already scored). An absent field does not apply.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String code, String name, String group, BigDecimal maxPoints, BigDecimal points,
                            String status, String formula, Map<String, BigDecimal> measures,
                            BigDecimal exactValue, BigDecimal displayValue, String unit,
                            String rule, String explanation, Judgement judgement, List<TargetScore> targets) {
    }

    /**
     * What the score rests on. {@code projected}: the budget data are not the year-end ones (see
     * {@code BudgetUnitYearChanged.Period}), so the score is a projection (预计得分) on the data as they
     * stand, {@code asOfMonth} the latest month of execution it uses (null when none). {@code missing}
     * lists, in Chinese, what the score still lacks, one entry per indicator and item. An event
     * without {@code basis} (written before it existed) is a year-end score.
     */
    public record Basis(boolean projected, Integer asOfMonth, List<Missing> missing) {
    }

    /** A piece of data an indicator lacks: {@code item} a measure's or target's Chinese name. */
    public record Missing(String indicator, String item, String message) {
    }

    /**
     * A target scored by a target-based indicator (national rules): {@code direction} as in the budget
     * event; {@code status} SCORED or MISSING_DATA; {@code rule} and {@code explanation} Chinese, saying
     * target, actual, direction and the rule applied.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetScore(String code, String name, String level2, String direction, String unitOfMeasure,
                              BigDecimal targetValue, String targetText, BigDecimal actualValue,
                              String actualText, String achievement, BigDecimal maxPoints, BigDecimal points,
                              String status, String rule, String explanation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Judgement(BigDecimal points, BigDecimal deduction, String reason, String evidence, String by,
                            OffsetDateTime at) {
    }

    /** A difference between what the unit published and what is computed; {@code kind} one of {@link #INCONSISTENCY_KINDS}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inconsistency(String kind, String indicator, String published, String computed, String message) {
    }

    /**
     * The county's review (复核) of this unit-year under this system, absent while no evaluator has
     * re-scored any of its indicators. The review score is the self-score with the re-scored indicators'
     * points replaced by the evaluator's ({@code indicators}); {@code total} and {@code grade} are the
     * review total and its grade under the system's bands; {@code deviation} is the self total minus the
     * review total (positive: the unit scored itself higher). Review judgements are kept apart from the
     * unit's own judgements and never change the self-score.
     */
    public record Review(BigDecimal total, String grade, BigDecimal deviation, List<ReviewedIndicator> indicators) {
    }

    /**
     * One indicator the evaluator re-scored: {@code selfPoints} the unit's points (null when the self-score
     * has none for it, e.g. awaiting judgement), {@code reviewPoints} the evaluator's, {@code deviation}
     * self minus review (null when {@code selfPoints} is null); {@code reason} and {@code evidence} Chinese,
     * {@code by} the evaluator, {@code at} when the review judgement was recorded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewedIndicator(String code, String name, BigDecimal maxPoints, BigDecimal selfPoints,
                                    BigDecimal reviewPoints, BigDecimal deviation, String reason, String evidence,
                                    String by, OffsetDateTime at) {
    }

    /** The basis of this score; an event written before bases existed is a year-end score. */
    public Basis basisOrYearEnd() {
        return basis != null ? basis : new Basis(false, null, List.of());
    }

    /** The Kafka record key: one unit-year's events stay in order on one partition. */
    public static String key(String unitCode, int fiscalYear) {
        return unitCode + ":" + fiscalYear;
    }

    public String key() {
        return key(unitCode, fiscalYear);
    }
}
