package cn.perfeval.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code BudgetUnitYearChanged} on {@code budget-events}: the full state of one unit-year after a
 * committed change, so that consumers never call back. This record, with its JSON Schema
 * {@code schemas/budget-unit-year-changed.schema.json}, is the one definition of the event:
 * budget-service builds it from its domain, scoring-service and report-service read it through
 * {@link EventCodec}. Amounts are exact decimals in 万元.
 */
public record BudgetUnitYearChanged(
        String eventId,
        String type,
        int schemaVersion,
        String unitCode,
        int fiscalYear,
        long version,
        OffsetDateTime occurredAt,
        Unit unit,
        String amountUnit,
        Map<String, BigDecimal> measures,
        Staff staff,
        Tables tables,
        Execution execution,
        List<Finding> findings,
        Period period,
        Targets targets,
        List<MonthExecution> monthlyExecution) {

    public static final String TYPE = "BudgetUnitYearChanged";
    public static final int SCHEMA_VERSION = 1;
    public static final String AMOUNT_UNIT = "万元";

    /** {@code offices} are the unit's internal offices, empty when none are recorded. */
    public record Unit(String code, String name, String county, String province, String kind, String rank,
                       String address, List<String> offices) {
    }

    /** Staff facts of the year (人); null = not recorded. */
    public record Staff(Integer authorizedPosts, Integer actual, Integer inService, Integer administrative,
                        Integer publicInstitution, Integer nonCivilServiceInstitution, Integer retired,
                        Integer survivorSubsidy) {
    }

    /** {@code budgetSummary} is null while no 收支总表 is recorded. */
    public record Tables(List<ExpenditureRow> expenditure, BudgetSummary budgetSummary, List<RevenueRow> revenue) {
    }

    /** A row of 年初部门预算支出总表. */
    public record ExpenditureRow(String code, String name, BigDecimal total, BigDecimal basic, BigDecimal project) {
    }

    /** 年初部门预算收支总表; an absent total is not recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BudgetSummary(String amountUnit, List<SummaryRevenueItem> revenue, BigDecimal revenueTotal,
                                List<SummaryExpenditureItem> expenditure, BigDecimal carryForwardToNextYear,
                                BigDecimal expenditureTotal) {
    }

    /** A revenue source; {@code children} (its sub-items, one level) is absent when it has none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SummaryRevenueItem(String item, BigDecimal amount, List<SummaryRevenueItem> children) {
    }

    public record SummaryExpenditureItem(String code, String item, BigDecimal amount) {
    }

    /** A row of 年初部门预算收入总表; an empty cell is absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevenueRow(String code, String name, BigDecimal total, BigDecimal generalBudget,
                             BigDecimal generalBudgetFunding, BigDecimal generalBudgetNonTax,
                             BigDecimal governmentFund, BigDecimal specialAccountNonTax,
                             BigDecimal superiorSubsidy, BigDecimal other) {
    }

    /**
     * What happened during the year; null = not recorded. The first seven fields are those of
     * schemaVersion 1 as first published, the rest were added since. {@code adjustmentIncrease} and
     * {@code adjustmentDecrease} are the sums of {@code adjustments} when there is a list.
     */
    public record Execution(BigDecimal adjustmentIncrease, BigDecimal adjustmentDecrease,
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
                            List<Adjustment> adjustments,
                            List<FunctionActual> byFunction,
                            List<ThreePublicItem> threePublicItems) {
    }

    /** A budget adjustment: {@code kind} 调增, 调减 or 追加. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adjustment(String kind, LocalDate date, String reason, String code, BigDecimal amount) {
    }

    /** Actual spending of one function code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionActual(String code, String name, BigDecimal basicActual, BigDecimal projectActual) {
    }

    /** One of 因公出国（境）, 公务用车购置及运行, 公务接待. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThreePublicItem(String item, BigDecimal budget, BigDecimal actual, BigDecimal budgetLastYear,
                                  BigDecimal actualLastYear) {
    }

    /** A validation finding: {@code severity} ERROR, WARNING or INFO; {@code message} in Chinese. */
    public record Finding(String ruleId, String severity, String table, String code, String column,
                          BigDecimal expected, BigDecimal actual, String message) {
    }

    /** The directions of a {@link Target}: larger is better, smaller is better, equal, qualitative. */
    public static final List<String> DIRECTIONS = List.of("越大越好", "越小越好", "等于", "定性");

    /** The level-1 categories of a {@link Target}. */
    public static final List<String> TARGET_LEVEL1 = List.of("产出", "效益", "满意度");

    /** The qualitative achievement bands of a {@link TargetProgress}, with the share of points each allows. */
    public static final List<String> ACHIEVEMENTS = List.of("达成", "部分达成", "未达成");

    /**
     * How far the data of the unit-year reach. {@code yearEnd}: the year-end actual spending (basic and
     * project) is recorded, so the measures are the year's. {@code asOfMonth}: the latest month of
     * {@code monthlyExecution}, null when none is recorded. When {@code yearEnd} is false and a month is
     * recorded, the spending measures ({@code basicActual}, {@code projectActual}, {@code totalActual})
     * are that month's cumulative figures. An event without {@code period} (written before it existed)
     * is year-end data.
     */
    public record Period(boolean yearEnd, Integer asOfMonth) {
    }

    /** The unit-year's performance targets (绩效目标): the overall goal and the indicator targets. */
    public record Targets(String overallGoal, List<Target> indicators) {
    }

    /**
     * One indicator target. {@code level1} one of {@link #TARGET_LEVEL1}; {@code level2} 数量, 质量, 时效,
     * 成本, 经济效益, 社会效益, 生态效益, 可持续影响 or 服务对象满意度; {@code direction} one of
     * {@link #DIRECTIONS}; {@code targetValue} for a quantitative target, {@code targetText} for a
     * qualitative one (a quantitative target may carry a text too, as printed); {@code weight} the points
     * the target table gives it, absent when it gives none. {@code progress} in month order, the last
     * entry is the current actual (month 12 = the year's).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String code, String level1, String level2, String name, String unitOfMeasure,
                         BigDecimal targetValue, String targetText, String direction, BigDecimal weight,
                         List<TargetProgress> progress) {
    }

    /**
     * An actual value (完成值) recorded for a target as of a month. {@code actualValue} for a quantitative
     * target; for a qualitative one {@code achievement} (one of {@link #ACHIEVEMENTS}) with
     * {@code achievementPercent}, the share of the points within its band (达成 80–100, 部分达成 60–80,
     * 未达成 0–60), and {@code actualText}. {@code deviationReason} (偏差原因) when the target is not met.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetProgress(int month, BigDecimal actualValue, String actualText, String achievement,
                                 BigDecimal achievementPercent, String deviationReason, String by,
                                 OffsetDateTime at) {
    }

    /** Cumulative actual spending from January to the end of {@code month}; {@code byFunction} may be empty. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonthExecution(int month, BigDecimal basicActual, BigDecimal projectActual,
                                 List<FunctionActual> byFunction) {
    }

    /** The period of this event; an event written before periods existed is year-end data. */
    public Period periodOrYearEnd() {
        return period != null ? period : new Period(true, null);
    }

    /** The Kafka record key: one unit-year's events stay in order on one partition. */
    public static String key(String unitCode, int fiscalYear) {
        return unitCode + ":" + fiscalYear;
    }

    public String key() {
        return key(unitCode, fiscalYear);
    }
}
