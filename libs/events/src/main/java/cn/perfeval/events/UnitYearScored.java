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
        boolean assigned) {

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
     * has been judged its {@code judgement}. An absent field does not apply.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String code, String name, String group, BigDecimal maxPoints, BigDecimal points,
                            String status, String formula, Map<String, BigDecimal> measures,
                            BigDecimal exactValue, BigDecimal displayValue, String unit,
                            String rule, String explanation, Judgement judgement) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Judgement(BigDecimal points, BigDecimal deduction, String reason, String evidence, String by,
                            OffsetDateTime at) {
    }

    /** A difference between what the unit published and what is computed; {@code kind} one of {@link #INCONSISTENCY_KINDS}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inconsistency(String kind, String indicator, String published, String computed, String message) {
    }

    /** The Kafka record key: one unit-year's events stay in order on one partition. */
    public static String key(String unitCode, int fiscalYear) {
        return unitCode + ":" + fiscalYear;
    }

    public String key() {
        return key(unitCode, fiscalYear);
    }
}
