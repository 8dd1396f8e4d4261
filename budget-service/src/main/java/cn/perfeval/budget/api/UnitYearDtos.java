package cn.perfeval.budget.api;

import cn.perfeval.platform.text.PlainName;
import cn.perfeval.budget.domain.Adjustment;
import cn.perfeval.budget.domain.Checks;
import cn.perfeval.budget.domain.Execution;
import cn.perfeval.budget.domain.ExecutionRow;
import cn.perfeval.budget.domain.ExpenditureRow;
import cn.perfeval.budget.domain.Finding;
import cn.perfeval.budget.domain.RevenueRow;
import cn.perfeval.budget.domain.Staff;
import cn.perfeval.budget.domain.SummaryItem;
import cn.perfeval.budget.domain.ThreePublicItem;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.events.measures.Terms;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Request and response bodies of a unit's fiscal year. Amounts are exact decimals. */
public final class UnitYearDtos {

    private UnitYearDtos() {
    }

    static final String NOT_NEGATIVE = "不能为负数";
    static final String CODE_REGEX = "\\d{3}(\\d{2}(\\d{2})?)?";
    static final String CODE_MESSAGE = "应为 3 位（类）、5 位（款）或 7 位（项）的功能分类科目编码";
    static final String CODE_DESCRIPTION = "支出功能分类科目编码：类 3 位、款 5 位、项 7 位，款以其类的编码开头，项以其款的编码开头";
    static final String UNIT_MESSAGE = "应为 万元 或 元";

    /** Suffix of the description of an amount: the unit it is given and answered in. */
    static final String AMOUNT = "（万元；请求中按 amountUnit 给出，至多 2 位小数）";
    static final String AMOUNT_UNIT = "金额单位：请求可用万元或元（元按 1 万元 = 10000 元精确换算），存储和返回一律为万元";

    // ------------------------------------------------------------------ 支出总表

    /** 年初部门预算支出总表, replaced as a whole. */
    @Schema(name = "ExpenditureTable", description = "年初部门预算支出总表：按功能分类科目列出合计、基本支出和项目支出")
    public record ExpenditureTable(
            @Schema(description = AMOUNT_UNIT, required = true)
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @Schema(description = "支出总表的行（1–2000 行），按给出的顺序；每个款、项须与其上级科目同在表中")
            @NotNull @Size(min = 1, max = 2000) List<@NotNull @Valid ExpenditureRowDto> rows) {
    }

    @Schema(name = "ExpenditureRow", description = "支出总表的一行：一个功能分类科目")
    public record ExpenditureRowDto(
            @Schema(description = CODE_DESCRIPTION, example = "2010301")
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @Schema(description = "科目名称", example = "行政运行")
            @NotBlank @Size(max = 200) @PlainName String name,
            @Schema(description = "合计" + AMOUNT + "，应等于基本支出加项目支出")
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal total,
            @Schema(description = "基本支出（人员经费和公用经费）" + AMOUNT)
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal basic,
            @Schema(description = "项目支出" + AMOUNT)
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal project) {

        public static ExpenditureRowDto of(ExpenditureRow r) {
            return new ExpenditureRowDto(r.code, r.name, r.total, r.basic, r.project);
        }
    }

    // ------------------------------------------------------------------ 收入总表

    /** 年初部门预算收入总表, replaced as a whole. */
    @Schema(name = "RevenueTable", description = "年初部门预算收入总表：按功能分类科目列出各收入来源")
    public record RevenueTable(
            @Schema(description = AMOUNT_UNIT, required = true)
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @Schema(description = "收入总表的行（1–2000 行），按给出的顺序；每个款、项须与其上级科目同在表中")
            @NotNull @Size(min = 1, max = 2000) List<@NotNull @Valid RevenueRowDto> rows) {
    }

    /** One function code by revenue source; an absent cell is empty in the printed table. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RevenueRow", description = "收入总表的一行：一个功能分类科目按收入来源；空白的格不出现")
    public record RevenueRowDto(
            @Schema(description = CODE_DESCRIPTION, example = "2010301")
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @Schema(description = "科目名称")
            @NotBlank @Size(max = 200) @PlainName String name,
            @Schema(description = "合计" + AMOUNT + "，应等于各收入来源之和")
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal total,
            @Schema(description = "一般公共预算拨款" + AMOUNT + "，应等于经费拨款加非税收入拨款")
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal generalBudget,
            @Schema(description = "一般公共预算拨款—经费拨款" + AMOUNT)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal generalBudgetFunding,
            @Schema(description = "一般公共预算拨款—纳入一般公共预算管理的非税收入拨款" + AMOUNT)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal generalBudgetNonTax,
            @Schema(description = "政府性基金收入" + AMOUNT)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal governmentFund,
            @Schema(description = "纳入专户管理的非税收入拨款" + AMOUNT)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal specialAccountNonTax,
            @Schema(description = "上级补助收入" + AMOUNT)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal superiorSubsidy,
            @Schema(description = "其他收入" + AMOUNT)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal other) {

        public static RevenueRowDto of(RevenueRow r) {
            return new RevenueRowDto(r.code, r.name, r.total, r.generalBudget, r.generalBudgetFunding,
                    r.generalBudgetNonTax, r.governmentFund, r.specialAccountNonTax, r.superiorSubsidy, r.other);
        }
    }

    // ------------------------------------------------------------------ 收支总表

    /** 年初部门预算收支总表: revenue by source (with sub-items), expenditure by 类, carry-over. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BudgetSummary", description = "年初部门预算收支总表：收入按来源（含其中项），支出按类，结转下年")
    public record BudgetSummary(
            @Schema(description = AMOUNT_UNIT, required = true)
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @Schema(description = "收入项目，按来源，按给出的顺序")
            @NotNull @Size(max = 100) List<@NotNull @Valid SummaryRevenueItem> revenue,
            @Schema(description = "收入总计" + AMOUNT + "，应等于各收入来源之和")
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal revenueTotal,
            @Schema(description = "支出项目，按类级科目，按给出的顺序")
            @NotNull @Size(max = 100) List<@NotNull @Valid SummaryExpenditureItem> expenditure,
            @Schema(description = "结转下年" + AMOUNT)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal carryForwardToNextYear,
            @Schema(description = "支出总计" + AMOUNT + "，应等于各类支出之和")
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal expenditureTotal) {

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
    @Schema(name = "SummaryRevenueItem", description = "收支总表的一个收入项目")
    public record SummaryRevenueItem(
            @Schema(description = "收入项目名称", example = "一般公共预算拨款")
            @NotBlank @Size(max = 200) @PlainName String item,
            @Schema(description = "收入预算数" + AMOUNT)
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal amount,
            @Schema(description = "其中项（只有一层），例如一般公共预算拨款中的经费拨款")
            @Size(max = 20) List<@NotNull @Valid SummaryRevenueItem> children) {
    }

    @Schema(name = "SummaryExpenditureItem", description = "收支总表的一个支出项目（一个类）")
    public record SummaryExpenditureItem(
            @Schema(description = "类级支出功能分类科目编码（3 位）", example = "201")
            @NotNull @Pattern(regexp = "\\d{3}", message = "应为 3 位的类级科目编码") String code,
            @Schema(description = "支出项目名称", example = "一般公共服务支出")
            @NotBlank @Size(max = 200) @PlainName String item,
            @Schema(description = "支出预算数" + AMOUNT)
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal amount) {
    }

    // ------------------------------------------------------------------ staff

    /** Staff facts of the year (人); an absent count is not recorded. */
    @Schema(name = "Staff", description = "本年度人员情况（人）；未记录的人数不出现")
    public record StaffDto(
            @Schema(description = "编制数（人）；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer authorizedPosts,
            @Schema(description = "实有人数（人）；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer actual,
            @Schema(description = "在职人数（人）；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer inService,
            @Schema(description = "行政人员数（人）；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer administrative,
            @Schema(description = "事业人员数（人）；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer publicInstitution,
            @Schema(description = "非参公事业人员数（人）；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer nonCivilServiceInstitution,
            @Schema(description = "退休人员数（人）；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer retired,
            @Schema(description = "遗属补助人数（人）；不出现表示未记录", nullable = true)
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
    @Schema(name = "Execution", description = "本年度预算执行情况：预算调整、实际支出、结余结转、“三公”经费、政府采购、公用经费、固定资产、支付进度和重点工作；未记录的项不出现")
    public record ExecutionDto(
            @Schema(description = AMOUNT_UNIT, required = true)
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @Schema(description = "预算调增数（含追加）" + AMOUNT + "；记录了预算调整明细时由明细得出" + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal adjustmentIncrease,
            @Schema(description = "预算调减数" + AMOUNT + "；记录了预算调整明细时由明细得出" + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal adjustmentDecrease,
            @Schema(description = "基本支出实际支出数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal basicActual,
            @Schema(description = "项目支出实际支出数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal projectActual,
            @Schema(description = "年末结余（单位申报）" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal yearEndBalance,
            @Schema(description = "“三公”经费预算数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal threePublicBudget,
            @Schema(description = "“三公”经费实际支出数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal threePublicActual,
            @Schema(description = "上年“三公”经费预算数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal threePublicBudgetLastYear,
            @Schema(description = "上年“三公”经费实际支出数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal threePublicActualLastYear,
            @Schema(description = "结转下年资金" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal carryOver,
            @Schema(description = "本年结转结余总额" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal carryOverBalance,
            @Schema(description = "上年结转结余总额" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal carryOverBalanceLastYear,
            @Schema(description = "政府采购预算数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal procurementBudget,
            @Schema(description = "政府采购实际金额" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal procurementActual,
            @Schema(description = "公用经费预算数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal publicRunningBudget,
            @Schema(description = "公用经费实际支出数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal publicRunningActual,
            @Schema(description = "在用固定资产" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal fixedAssetsInUse,
            @Schema(description = "固定资产总额" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal fixedAssetsTotal,
            @Schema(description = "重点项目支出数" + AMOUNT + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal keyProjectSpending,
            @Schema(description = "实际支付进度（%）" + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 5, fraction = 2, message = "百分比，整数部分至多 5 位，小数至多 2 位") BigDecimal paymentProgressActual,
            @Schema(description = "既定支付进度（%）" + "；不出现表示未记录", nullable = true)
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Digits(integer = 5, fraction = 2, message = "百分比，整数部分至多 5 位，小数至多 2 位") BigDecimal paymentProgressPlanned,
            @Schema(description = "重点工作交办数（件）" + "；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer keyTasksAssigned,
            @Schema(description = "重点工作办结数（件）" + "；不出现表示未记录", nullable = true)
            @Min(value = 0, message = NOT_NEGATIVE) @Max(1_000_000) Integer keyTasksCompleted,
            @Schema(description = "按功能分类科目的实际支出，每个款、项须与其上级科目同在表中", nullable = true)
            @Size(max = 2000) List<@NotNull @Valid ExecutionRowDto> byFunction,
            @Schema(description = "“三公”经费分项：因公出国（境）、公务用车购置及运行、公务接待，各至多一项", nullable = true)
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
    @Schema(name = "ExecutionRow", description = "一个功能分类科目的实际支出")
    public record ExecutionRowDto(
            @Schema(description = CODE_DESCRIPTION, example = "2010301")
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @Schema(description = "科目名称", example = "行政运行")
            @Size(max = 200) @PlainName String name,
            @Schema(description = "该科目基本支出实际支出数" + AMOUNT)
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal basicActual,
            @Schema(description = "该科目项目支出实际支出数" + AMOUNT)
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal projectActual) {

        public static ExecutionRowDto of(ExecutionRow r) {
            return new ExecutionRowDto(r.code, r.name, r.basicActual, r.projectActual);
        }
    }

    /** One of the three public expenses: 因公出国（境）, 公务用车购置及运行 or 公务接待. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ThreePublicItem", description = "“三公”经费的一项")
    public record ThreePublicItemDto(
            @Schema(description = "“三公”经费项目", enumeration = {"因公出国（境）", "公务用车购置及运行", "公务接待"})
            @NotNull @Pattern(regexp = "因公出国（境）|公务用车购置及运行|公务接待",
                    message = "应为 因公出国（境）、公务用车购置及运行 或 公务接待") String item,
            @Schema(description = "本年预算数" + AMOUNT + "；不出现表示未记录")
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal budget,
            @Schema(description = "本年实际支出数" + AMOUNT + "；不出现表示未记录")
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal actual,
            @Schema(description = "上年预算数" + AMOUNT + "；不出现表示未记录")
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal budgetLastYear,
            @Schema(description = "上年实际支出数" + AMOUNT + "；不出现表示未记录")
            @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal actualLastYear) {

        public static ThreePublicItemDto of(ThreePublicItem i) {
            return new ThreePublicItemDto(i.item, i.budget, i.actual, i.budgetLastYear, i.actualLastYear);
        }
    }

    // ------------------------------------------------------------------ adjustments

    /** The budget adjustments of the year, replaced as a whole. */
    @Schema(name = "AdjustmentList", description = "本年度预算调整明细（调增、调减、追加）")
    public record AdjustmentList(
            @Schema(description = AMOUNT_UNIT, required = true)
            @NotNull(message = UNIT_MESSAGE) AmountUnit amountUnit,
            @Schema(description = "预算调整，按给出的顺序（至多 2000 项）")
            @NotNull @Size(max = 2000) List<@NotNull @Valid AdjustmentDto> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Adjustment", description = "一笔预算调整")
    public record AdjustmentDto(
            @Schema(description = "调整类型：调增、调减或追加", enumeration = {"调增", "调减", "追加"})
            @NotNull @Pattern(regexp = "调增|调减|追加", message = "应为 调增、调减 或 追加") String kind,
            @Schema(description = "调整日期", format = "date", example = "2024-06-30")
            @NotNull LocalDate date,
            @Schema(description = "调整原因；调整率超过 30% 时每笔调整都应写明", example = "防汛救灾资金")
            @Size(max = 500) @PlainName String reason,
            @Schema(description = "调整涉及的支出功能分类科目编码（3、5 或 7 位）", example = "2130104")
            @NotNull @Pattern(regexp = CODE_REGEX, message = CODE_MESSAGE) String code,
            @Schema(description = "调整金额" + AMOUNT)
            @NotNull @DecimalMin(value = "0", message = NOT_NEGATIVE) @Amount BigDecimal amount) {

        public static AdjustmentDto of(Adjustment a) {
            return new AdjustmentDto(a.kind, a.date, a.reason, a.code, a.amount);
        }
    }

    // ------------------------------------------------------------------ findings and views

    @Schema(name = "Finding", description = "审核发现：违反的规则、严重程度、位置（表、科目、栏目）、应有值与实际值和说明；代码旁附中文名")
    public record FindingDto(
            @Schema(description = "规则编号", example = "BUD-HIER-001") String ruleId,
            @Schema(description = "严重程度代码：ERROR 错误、WARNING 警告、INFO 提示", enumeration = {"ERROR", "WARNING", "INFO"})
            String severity,
            @Schema(description = "严重程度", enumeration = {"错误", "警告", "提示"}) String severityLabel,
            @Schema(description = "所在表的代码", enumeration = {Checks.EXPENDITURE, Checks.REVENUE, Checks.BUDGET_SUMMARY,
                    Checks.EXECUTION, Checks.EXECUTION_BY_FUNCTION, Checks.THREE_PUBLIC, Checks.ADJUSTMENTS,
                    Checks.MONTHLY_EXECUTION, Checks.TARGETS})
            String table,
            @Schema(description = "所在表", enumeration = {"支出总表", "收入总表", "收支总表", "预算执行情况", "分科目执行表",
                    "“三公”经费明细", "预算调整明细", "分月执行", "绩效目标表"})
            String tableLabel,
            @Schema(description = "涉及的功能分类科目编码（绩效目标表的发现为指标编码）；不涉及时为空", nullable = true, example = "20104") String code,
            @Schema(description = "涉及的栏目（列）的代码，如 total、basicActual、revenue.经费拨款", nullable = true, example = "total")
            String column,
            @Schema(description = "涉及的栏目（列），如 合计、基本支出实际支出数、经费拨款", nullable = true, example = "合计")
            String columnLabel,
            @Schema(description = "按规则应有的值（万元；人数为人、进度为 %）", nullable = true) BigDecimal expected,
            @Schema(description = "表中的实际值（万元；人数为人、进度为 %）", nullable = true) BigDecimal actual,
            @Schema(description = "给财务人员看的说明") String message) {

        public static FindingDto of(Finding f) {
            return new FindingDto(f.ruleId(), f.severity().name(), Terms.severity(f.severity().name()), f.table(),
                    Terms.table(f.table()), f.code(), f.column(), f.column() == null ? null : Terms.column(f.column()),
                    f.expected(), f.actual(), f.message());
        }
    }

    /** A unit-year as stored: its version (the ETag), measures, tables and findings, amounts in 万元. */
    @Schema(name = "UnitYearBudget", description = "一个单位一个年度的全部预算数据：版本、度量、人员、三张年初预算表、执行情况、预算调整和审核发现，金额为万元")
    public record UnitYearView(
            String unitCode,
            int year,
            @Schema(description = "单位年度数据的版本号，与 ETag 相同；每次修改加一", example = "5") long version,
            @Schema(description = "金额单位，总是万元", enumeration = {"万元"}) String amountUnit,
            @Schema(description = "各度量的值；未记录数据的度量不出现", implementation = MeasureValues.class)
            Map<String, BigDecimal> measures,
            @Schema(description = "本年度人员情况（人）") StaffDto staff,
            @Schema(description = "年初部门预算收支总表；未记录时为空", nullable = true, implementation = BudgetSummary.class)
            BudgetSummary budgetSummary,
            @Schema(description = "年初部门预算收入总表的行") List<RevenueRowDto> revenue,
            @Schema(description = "年初部门预算支出总表的行") List<ExpenditureRowDto> expenditure,
            @Schema(description = "本年度预算执行情况（万元）") ExecutionDto execution,
            @Schema(description = "预算调整明细") List<AdjustmentDto> adjustments,
            @Schema(description = "最近一次修改时重新审核得出的发现") List<FindingDto> findings) {
    }

    @Schema(name = "UnitYearMeasures", description = "一个单位一个年度的度量值")
    public record MeasuresView(
            String unitCode,
            int year,
            @Schema(description = "单位年度数据的版本号，与 ETag 相同", example = "5") long version,
            @Schema(description = "金额单位，总是万元", enumeration = {"万元"}) String amountUnit,
            @Schema(description = "各度量的值；未记录数据的度量不出现", implementation = MeasureValues.class)
            Map<String, BigDecimal> measures) {
    }
}
