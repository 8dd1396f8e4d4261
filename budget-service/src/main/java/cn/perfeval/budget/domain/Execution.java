package cn.perfeval.budget.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** What happened during the year, in 万元 unless noted; a null field is not recorded yet. */
@Embeddable
public class Execution {

    /** 预算调增 (as a total; the adjustment list takes precedence when recorded). */
    @Column(name = "adjustment_increase")
    public BigDecimal adjustmentIncrease;
    /** 预算调减 (as a total; the adjustment list takes precedence when recorded). */
    @Column(name = "adjustment_decrease")
    public BigDecimal adjustmentDecrease;
    /** 基本支出实际支出. */
    @Column(name = "basic_actual")
    public BigDecimal basicActual;
    /** 项目支出实际支出. */
    @Column(name = "project_actual")
    public BigDecimal projectActual;
    /** 年末结余 as the unit reports it. */
    @Column(name = "year_end_balance")
    public BigDecimal yearEndBalance;
    /** 三公经费预算. */
    @Column(name = "three_public_budget")
    public BigDecimal threePublicBudget;
    /** 三公经费实际支出. */
    @Column(name = "three_public_actual")
    public BigDecimal threePublicActual;
    /** 上年三公经费预算. */
    @Column(name = "three_public_budget_last_year")
    public BigDecimal threePublicBudgetLastYear;
    /** 上年三公经费实际支出. */
    @Column(name = "three_public_actual_last_year")
    public BigDecimal threePublicActualLastYear;
    /** 结转下年 at year end. */
    @Column(name = "carry_over")
    public BigDecimal carryOver;
    /** 结转结余总额, this year. */
    @Column(name = "carry_over_balance")
    public BigDecimal carryOverBalance;
    /** 结转结余总额, last year. */
    @Column(name = "carry_over_balance_last_year")
    public BigDecimal carryOverBalanceLastYear;
    /** 政府采购预算. */
    @Column(name = "procurement_budget")
    public BigDecimal procurementBudget;
    /** 政府采购实际金额. */
    @Column(name = "procurement_actual")
    public BigDecimal procurementActual;
    /** 公用经费预算. */
    @Column(name = "public_running_budget")
    public BigDecimal publicRunningBudget;
    /** 公用经费实际支出. */
    @Column(name = "public_running_actual")
    public BigDecimal publicRunningActual;
    /** 在用固定资产. */
    @Column(name = "fixed_assets_in_use")
    public BigDecimal fixedAssetsInUse;
    /** 全部固定资产. */
    @Column(name = "fixed_assets_total")
    public BigDecimal fixedAssetsTotal;
    /** 重点项目支出. */
    @Column(name = "key_project_spending")
    public BigDecimal keyProjectSpending;
    /** 实际支付进度 (%). */
    @Column(name = "payment_progress_actual")
    public BigDecimal paymentProgressActual;
    /** 既定支付进度 (%). */
    @Column(name = "payment_progress_planned")
    public BigDecimal paymentProgressPlanned;
    /** 重点工作交办数 (件). */
    @Column(name = "key_tasks_assigned")
    public Integer keyTasksAssigned;
    /** 重点工作办结数 (件). */
    @Column(name = "key_tasks_completed")
    public Integer keyTasksCompleted;
}
