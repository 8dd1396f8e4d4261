package cn.perfeval.budget.events;

import cn.perfeval.budget.api.UnitYearDtos.AdjustmentDto;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionRowDto;
import cn.perfeval.budget.api.UnitYearDtos.FindingDto;
import cn.perfeval.budget.api.UnitYearDtos.RevenueRowDto;
import cn.perfeval.budget.api.UnitYearDtos.StaffDto;
import cn.perfeval.budget.api.UnitYearDtos.ThreePublicItemDto;

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
        StaffDto staff,
        Tables tables,
        ExecutionInfo execution,
        List<FindingDto> findings) {

    public static final String TYPE = "BudgetUnitYearChanged";
    public static final int SCHEMA_VERSION = 1;

    public record UnitInfo(String code, String name, String county, String province, String kind,
                           String rank, String address, List<String> offices) {
    }

    /** {@code budgetSummary} is null while no 收支总表 is recorded; the row lists are empty then. */
    public record Tables(List<ExpenditureRow> expenditure, BudgetSummary budgetSummary, List<RevenueRowDto> revenue) {
    }

    public record ExpenditureRow(String code, String name, BigDecimal total, BigDecimal basic, BigDecimal project) {
    }

    /** The first seven fields are those of schema 1 as first published; the rest were added since. */
    public record ExecutionInfo(BigDecimal adjustmentIncrease, BigDecimal adjustmentDecrease,
                                BigDecimal basicActual, BigDecimal projectActual, BigDecimal yearEndBalance,
                                BigDecimal threePublicBudget, BigDecimal threePublicActual,
                                BigDecimal threePublicBudgetLastYear, BigDecimal threePublicActualLastYear,
                                BigDecimal carryOver, BigDecimal carryOverBalance, BigDecimal carryOverBalanceLastYear,
                                BigDecimal procurementBudget, BigDecimal procurementActual,
                                BigDecimal publicRunningBudget, BigDecimal publicRunningActual,
                                BigDecimal fixedAssetsInUse, BigDecimal fixedAssetsTotal,
                                BigDecimal keyProjectSpending,
                                BigDecimal paymentProgressActual, BigDecimal paymentProgressPlanned,
                                Integer keyTasksAssigned, Integer keyTasksCompleted,
                                List<AdjustmentDto> adjustments,
                                List<ExecutionRowDto> byFunction,
                                List<ThreePublicItemDto> threePublicItems) {
    }

    /** The Kafka record key: one unit-year's events stay in order on one partition. */
    public static String key(String unitCode, int fiscalYear) {
        return unitCode + ":" + fiscalYear;
    }
}
