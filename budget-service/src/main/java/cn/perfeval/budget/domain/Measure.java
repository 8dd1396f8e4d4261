package cn.perfeval.budget.domain;

/**
 * The dictionary of named quantities that indicator formulas refer to. Amounts are in 万元,
 * counts in 人 or 件, progress in %.
 * A measure is absent from a snapshot when the data it derives from is not recorded yet.
 */
public enum Measure {

    yearStartBudget("年初预算数", "万元", "支出总表 sum of the 类 rows' totals"),
    basicBudget("基本支出预算数", "万元", "支出总表 sum of the 类 rows' basic expenditure"),
    projectBudget("项目支出预算数", "万元", "支出总表 sum of the 类 rows' project expenditure"),
    adjustmentIncrease("预算调增数", "万元", "budget increases during the year (调增 + 追加 of the adjustment list when recorded, else the total given)"),
    adjustmentDecrease("预算调减数", "万元", "budget decreases during the year (调减 of the adjustment list when recorded, else the total given)"),
    adjustmentNet("预算调整数", "万元", "adjustmentIncrease − adjustmentDecrease"),
    adjustedBudget("调整后预算数", "万元", "yearStartBudget + adjustmentNet"),
    basicActual("基本支出实际支出数", "万元", "actual basic expenditure"),
    projectActual("项目支出实际支出数", "万元", "actual project expenditure"),
    totalActual("实际支出数", "万元", "basicActual + projectActual"),
    yearEndBalance("年末结余（单位申报）", "万元", "year-end balance as reported by the unit"),
    threePublicBudget("三公经费预算数", "万元", "budget of the three public expenses (the total given, else the sum of its three items)"),
    threePublicActual("三公经费实际支出数", "万元", "actual spending on the three public expenses (the total given, else the sum of its three items)"),
    staffAuthorized("编制数", "人", "posts authorised (编制) in the fiscal year"),
    staffInService("在职人员数", "人", "staff in service (在职) in the fiscal year"),
    threePublicBudgetLastYear("上年三公经费预算数", "万元", "last year's budget of the three public expenses"),
    threePublicActualLastYear("上年三公经费实际支出数", "万元", "last year's actual spending on the three public expenses"),
    keyProjectSpending("重点项目支出", "万元", "spending on key projects"),
    paymentProgressActual("实际支付进度", "%", "actual payment progress"),
    paymentProgressPlanned("既定支付进度", "%", "planned payment progress"),
    carryOverBalance("结转结余总额", "万元", "carry-over and balance at the end of the year"),
    carryOverBalanceLastYear("上年结转结余总额", "万元", "carry-over and balance at the end of last year"),
    publicRunningBudget("预算公用经费", "万元", "budget of public running costs (公用经费)"),
    publicRunningActual("实际公用经费", "万元", "actual public running costs"),
    procurementBudget("政府采购预算", "万元", "government procurement budget"),
    procurementActual("实际采购金额", "万元", "government procurement actually executed"),
    fixedAssetsInUse("在用固定资产", "万元", "fixed assets in use"),
    fixedAssetsTotal("全部固定资产", "万元", "all fixed assets"),
    keyTasksAssigned("重点工作交办数", "件", "key tasks assigned"),
    keyTasksCompleted("重点工作办结数", "件", "key tasks completed");

    private final String label;
    private final String unit;
    private final String definition;

    Measure(String label, String unit, String definition) {
        this.label = label;
        this.unit = unit;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public String definition() {
        return definition;
    }
}
