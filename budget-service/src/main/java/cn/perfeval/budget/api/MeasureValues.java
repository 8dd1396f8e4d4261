package cn.perfeval.budget.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The schema of a unit-year's measures in the OpenAPI document (the body carries them as a map, in the
 * order of the catalogue): one property per measure of {@code GET /api/v1/measures}, absent when its data
 * is not recorded. Only documentation; never instantiated.
 */
@Schema(name = "MeasureValues", description = "各度量的值，名称、含义和单位见度量目录（GET /api/v1/measures）；未记录数据的度量不出现")
public final class MeasureValues {

    private MeasureValues() {
    }

    @Schema(description = "年初预算数（万元）")
    public BigDecimal yearStartBudget;

    @Schema(description = "基本支出年初预算数（万元）")
    public BigDecimal basicBudget;

    @Schema(description = "项目支出年初预算数（万元）")
    public BigDecimal projectBudget;

    @Schema(description = "预算调增数（万元）")
    public BigDecimal adjustmentIncrease;

    @Schema(description = "预算调减数（万元）")
    public BigDecimal adjustmentDecrease;

    @Schema(description = "预算调整数（万元）")
    public BigDecimal adjustmentNet;

    @Schema(description = "调整后预算数（万元）")
    public BigDecimal adjustedBudget;

    @Schema(description = "基本支出实际支出数（万元）")
    public BigDecimal basicActual;

    @Schema(description = "项目支出实际支出数（万元）")
    public BigDecimal projectActual;

    @Schema(description = "实际支出数（万元）")
    public BigDecimal totalActual;

    @Schema(description = "年末结余（万元）")
    public BigDecimal yearEndBalance;

    @Schema(description = "“三公”经费预算数（万元）")
    public BigDecimal threePublicBudget;

    @Schema(description = "“三公”经费实际支出数（万元）")
    public BigDecimal threePublicActual;

    @Schema(description = "编制数（人）")
    public BigDecimal staffAuthorized;

    @Schema(description = "在职人员数（人）")
    public BigDecimal staffInService;

    @Schema(description = "上年“三公”经费预算数（万元）")
    public BigDecimal threePublicBudgetLastYear;

    @Schema(description = "上年“三公”经费实际支出数（万元）")
    public BigDecimal threePublicActualLastYear;

    @Schema(description = "重点项目支出数（万元）")
    public BigDecimal keyProjectSpending;

    @Schema(description = "实际支付进度（%）")
    public BigDecimal paymentProgressActual;

    @Schema(description = "既定支付进度（%）")
    public BigDecimal paymentProgressPlanned;

    @Schema(description = "本年结转结余总额（万元）")
    public BigDecimal carryOverBalance;

    @Schema(description = "上年结转结余总额（万元）")
    public BigDecimal carryOverBalanceLastYear;

    @Schema(description = "公用经费预算数（万元）")
    public BigDecimal publicRunningBudget;

    @Schema(description = "公用经费实际支出数（万元）")
    public BigDecimal publicRunningActual;

    @Schema(description = "政府采购预算数（万元）")
    public BigDecimal procurementBudget;

    @Schema(description = "政府采购实际金额（万元）")
    public BigDecimal procurementActual;

    @Schema(description = "在用固定资产（万元）")
    public BigDecimal fixedAssetsInUse;

    @Schema(description = "固定资产总额（万元）")
    public BigDecimal fixedAssetsTotal;

    @Schema(description = "重点工作交办数（件）")
    public BigDecimal keyTasksAssigned;

    @Schema(description = "重点工作办结数（件）")
    public BigDecimal keyTasksCompleted;
}
