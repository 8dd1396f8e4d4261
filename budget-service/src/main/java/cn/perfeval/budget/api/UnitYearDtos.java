package cn.perfeval.budget.api;

import cn.perfeval.platform.text.PlainName;
import cn.perfeval.budget.domain.Adjustment;
import cn.perfeval.budget.domain.Execution;
import cn.perfeval.budget.domain.ExecutionRow;
import cn.perfeval.budget.domain.ExpenditureRow;
import cn.perfeval.budget.domain.Finding;
import cn.perfeval.budget.domain.RevenueRow;
import cn.perfeval.budget.domain.Staff;
import cn.perfeval.budget.domain.SummaryItem;
import cn.perfeval.budget.domain.ThreePublicItem;
import cn.perfeval.budget.domain.UnitYear;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Request and response bodies of a unit's fiscal year. Amounts are exact decimals. */
public final class UnitYearDtos {

    private UnitYearDtos() {
    }

    static final String NOT_NEGATIVE = "must not be negative";
    static final String DIGITS = "must have at most 13 integer digits and 2 decimals";
    static final String CODE_REGEX = "\\d{3}(\\d{2}(\\d{2})?)?";
    static final String CODE_MESSAGE = "must be a function code of 3 (类), 5 (款) or 7 (项) digits";
    static final String UNIT_MESSAGE = "must be 万元 or 元";

    // ------------------------------------------------------------------ 支出总表

    /** 年初部门预算支出总表, replaced as a whole. */
    public record ExpenditureTable(
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @NotNull @Size(min = 1, max = 2000) List<@NotNull @Valid ExpenditureRowDto> rows) {
    }

    public record ExpenditureRowDto(
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) @PlainName String name,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal total,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal basic,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal project) {

        public static ExpenditureRowDto of(ExpenditureRow r) {
            return new ExpenditureRowDto(r.code, r.name, r.total, r.basic, r.project);
        }
    }

    // ------------------------------------------------------------------ 收入总表

    /** 年初部门预算收入总表, replaced as a whole. */
    public record RevenueTable(
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @NotNull @Size(min = 1, max = 2000) List<@NotNull @Valid RevenueRowDto> rows) {
    }

    /** One function code by revenue source; an absent cell is empty in the printed table. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevenueRowDto(
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) @PlainName String name,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal total,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal generalBudget,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal generalBudgetFunding,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal generalBudgetNonTax,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal governmentFund,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal specialAccountNonTax,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal superiorSubsidy,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal other) {

        public static RevenueRowDto of(RevenueRow r) {
            return new RevenueRowDto(r.code, r.name, r.total, r.generalBudget, r.generalBudgetFunding,
                    r.generalBudgetNonTax, r.governmentFund, r.specialAccountNonTax, r.superiorSubsidy, r.other);
        }
    }

    // ------------------------------------------------------------------ 收支总表

    /** 年初部门预算收支总表: revenue by source (with sub-items), expenditure by 类, carry-over. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BudgetSummary(
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @NotNull @Size(max = 100) List<@NotNull @Valid SummaryRevenueItem> revenue,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal revenueTotal,
            @NotNull @Size(max = 100) List<@NotNull @Valid SummaryExpenditureItem> expenditure,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal carryForwardToNextYear,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal expenditureTotal) {

        public static BudgetSummary of(UnitYear uy) {
            List<SummaryItem> rev = uy.summaryItems(SummaryItem.REVENUE);
            List<SummaryRevenueItem> revenue = new ArrayList<>();
            for (SummaryItem i : rev) {
                if (i.parentSeq == null) {
                    List<SummaryRevenueItem> children = rev.stream().filter(c -> i.seq == (c.parentSeq == null ? -1 : c.parentSeq))
                            .map(c -> new SummaryRevenueItem(c.item, c.amount, null)).toList();
                    revenue.add(new SummaryRevenueItem(i.item, i.amount, children.isEmpty() ? null : children));
                }
            }
            List<SummaryExpenditureItem> expenditure = uy.summaryItems(SummaryItem.EXPENDITURE).stream()
                    .map(i -> new SummaryExpenditureItem(i.code, i.item, i.amount)).toList();
            return new BudgetSummary(AmountUnit.WAN_YUAN, revenue, uy.summaryRevenueTotal, expenditure,
                    uy.summaryCarryForward, uy.summaryExpenditureTotal);
        }
    }

    /** A revenue source; {@code children} are its sub-items (one level only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SummaryRevenueItem(
            @NotBlank @Size(max = 200) @PlainName String item,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal amount,
            @Size(max = 20) List<@NotNull @Valid SummaryRevenueItem> children) {
    }

    public record SummaryExpenditureItem(
            @NotNull @Pattern(regexp = "\\d{3}", message = "must be the 3-digit code of a 类") String code,
            @NotBlank @Size(max = 200) @PlainName String item,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal amount) {
    }

    // ------------------------------------------------------------------ staff

    /** Staff facts of the year (人); an absent count is not recorded. */
    public record StaffDto(
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer authorizedPosts,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer actual,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer inService,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer administrative,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer publicInstitution,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer nonCivilServiceInstitution,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer retired,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer survivorSubsidy) {

        public static StaffDto of(Staff s) {
            return new StaffDto(s.authorizedPosts, s.actual, s.inService, s.administrative, s.publicInstitution,
                    s.nonCivilServiceInstitution, s.retired, s.survivorSubsidy);
        }
    }

    // ------------------------------------------------------------------ execution

    /**
     * What happened during the year; an absent value is not recorded yet. Amounts in
     * {@code amountUnit}; payment progress in %, key tasks in 件.
     */
    public record ExecutionDto(
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal adjustmentIncrease,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal adjustmentDecrease,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal basicActual,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal projectActual,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal yearEndBalance,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal threePublicBudget,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal threePublicActual,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal threePublicBudgetLastYear,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal threePublicActualLastYear,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal carryOver,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal carryOverBalance,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal carryOverBalanceLastYear,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal procurementBudget,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal procurementActual,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal publicRunningBudget,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal publicRunningActual,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal fixedAssetsInUse,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal fixedAssetsTotal,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal keyProjectSpending,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 5, fraction = 2, message = "a percentage with at most 2 decimals") BigDecimal paymentProgressActual,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 5, fraction = 2, message = "a percentage with at most 2 decimals") BigDecimal paymentProgressPlanned,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer keyTasksAssigned,
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer keyTasksCompleted,
            @Size(max = 2000) List<@NotNull @Valid ExecutionRowDto> byFunction,
            @Size(max = 3) List<@NotNull @Valid ThreePublicItemDto> threePublicItems) {

        public static ExecutionDto of(UnitYear uy) {
            Execution e = uy.execution;
            return new ExecutionDto(AmountUnit.WAN_YUAN, e.adjustmentIncrease, e.adjustmentDecrease, e.basicActual,
                    e.projectActual, e.yearEndBalance, e.threePublicBudget, e.threePublicActual,
                    e.threePublicBudgetLastYear, e.threePublicActualLastYear, e.carryOver, e.carryOverBalance,
                    e.carryOverBalanceLastYear, e.procurementBudget, e.procurementActual, e.publicRunningBudget,
                    e.publicRunningActual, e.fixedAssetsInUse, e.fixedAssetsTotal, e.keyProjectSpending,
                    e.paymentProgressActual, e.paymentProgressPlanned, e.keyTasksAssigned, e.keyTasksCompleted,
                    uy.executionRows.stream().map(ExecutionRowDto::of).toList(),
                    uy.threePublicItems.stream().map(ThreePublicItemDto::of).toList());
        }
    }

    /** Actual spending of one function code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExecutionRowDto(
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @Size(max = 200) @PlainName String name,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal basicActual,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal projectActual) {

        public static ExecutionRowDto of(ExecutionRow r) {
            return new ExecutionRowDto(r.code, r.name, r.basicActual, r.projectActual);
        }
    }

    /** One of the three public expenses: 因公出国（境）, 公务用车购置及运行 or 公务接待. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThreePublicItemDto(
            @NotNull @Pattern(regexp = "因公出国（境）|公务用车购置及运行|公务接待",
                    message = "must be 因公出国（境）, 公务用车购置及运行 or 公务接待") String item,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal budget,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal actual,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal budgetLastYear,
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal actualLastYear) {

        public static ThreePublicItemDto of(ThreePublicItem i) {
            return new ThreePublicItemDto(i.item, i.budget, i.actual, i.budgetLastYear, i.actualLastYear);
        }
    }

    // ------------------------------------------------------------------ adjustments

    /** The budget adjustments of the year, replaced as a whole. */
    public record AdjustmentList(
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @NotNull @Size(max = 2000) List<@NotNull @Valid AdjustmentDto> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdjustmentDto(
            @NotNull @Pattern(regexp = "调增|调减|追加", message = "must be 调增, 调减 or 追加") String kind,
            @NotNull LocalDate date,
            @Size(max = 500) @PlainName String reason,
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 13, fraction = 2, message = DIGITS) BigDecimal amount) {

        public static AdjustmentDto of(Adjustment a) {
            return new AdjustmentDto(a.kind, a.date, a.reason, a.code, a.amount);
        }
    }

    // ------------------------------------------------------------------ findings and views

    public record FindingDto(String ruleId, String severity, String table, String code, String column,
                             BigDecimal expected, BigDecimal actual, String message) {

        public static FindingDto of(Finding f) {
            return new FindingDto(f.ruleId(), f.severity().name(), f.table(), f.code(), f.column(), f.expected(),
                    f.actual(), f.message());
        }
    }

    public record FindingsView(String unitCode, int fiscalYear, long version, List<FindingDto> findings) {
    }

    /** A unit-year as stored: its version (the ETag), measures, tables and findings, amounts in 万元. */
    public record UnitYearView(String unitCode, int fiscalYear, long version, String amountUnit,
                               Map<String, BigDecimal> measures, StaffDto staff,
                               BudgetSummary budgetSummary, List<RevenueRowDto> revenue,
                               List<ExpenditureRowDto> expenditure, ExecutionDto execution,
                               List<AdjustmentDto> adjustments, List<FindingDto> findings) {
    }

    public record MeasuresView(String unitCode, int fiscalYear, long version, String amountUnit,
                               Map<String, BigDecimal> measures) {
    }
}
