package cn.perfeval.budget.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Payload of a {@code BudgetUnitYearChanged} event: the full state of one unit-year after a
 * committed change, so that consumers never need to call back. Documented in docs/events.md.
 */
public record BudgetEvent(
        String eventId,
        String type,
        int schemaVersion,
        String unitCode,
        int fiscalYear,
        long version,
        OffsetDateTime occurredAt,
        UnitInfo unit,
        String amountUnit,
        Map<String, BigDecimal> measures,
        Tables tables,
        ExecutionInfo execution) {

    public static final String TYPE = "BudgetUnitYearChanged";
    public static final int SCHEMA_VERSION = 1;

    public record UnitInfo(String code, String name, String county, String province, String kind,
                           String rank, String address) {
    }

    public record Tables(List<ExpenditureRow> expenditure) {
    }

    public record ExpenditureRow(String code, String name, BigDecimal total, BigDecimal basic, BigDecimal project) {
    }

    public record ExecutionInfo(BigDecimal adjustmentIncrease, BigDecimal adjustmentDecrease,
                                BigDecimal basicActual, BigDecimal projectActual, BigDecimal yearEndBalance,
                                BigDecimal threePublicBudget, BigDecimal threePublicActual) {
    }

    /** The Kafka record key: one unit-year's events stay in order on one partition. */
    public static String key(String unitCode, int fiscalYear) {
        return unitCode + ":" + fiscalYear;
    }
}
