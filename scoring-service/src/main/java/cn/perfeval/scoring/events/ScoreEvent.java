package cn.perfeval.scoring.events;

import cn.perfeval.scoring.domain.ScoreResult;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of a {@code UnitYearScored} event: the recomputed result of one unit-year under one
 * indicator system, with every indicator's explanation. Documented in docs/events.md.
 * {@code assigned} is true when the system is the one the unit-year's county and year is scored
 * with; a unit-year can also be scored under other systems it has judgements under.
 */
public record ScoreEvent(
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
        List<ScoreResult.GroupResult> groups,
        List<ScoreResult.IndicatorResult> indicators,
        List<ScoreResult.Inconsistency> inconsistencies,
        boolean assigned) {

    public static final String TYPE = "UnitYearScored";
    public static final int SCHEMA_VERSION = 1;

    public record System(String code, int version, String name) {
    }

    public static String key(String unitCode, int fiscalYear) {
        return unitCode + ":" + fiscalYear;
    }
}
