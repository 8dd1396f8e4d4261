package cn.perfeval.budget.domain;

/**
 * The dictionary of named quantities that indicator formulas refer to. Amounts are in 万元.
 * A measure is absent from a snapshot when the data it derives from is not recorded yet.
 */
public enum Measure {

    yearStartBudget("年初预算数", "万元", "支出总表 sum of the 类 rows' totals"),
    basicBudget("基本支出预算数", "万元", "支出总表 sum of the 类 rows' basic expenditure"),
    projectBudget("项目支出预算数", "万元", "支出总表 sum of the 类 rows' project expenditure"),
    adjustmentIncrease("预算调增数", "万元", "budget increases during the year"),
    adjustmentDecrease("预算调减数", "万元", "budget decreases during the year"),
    adjustmentNet("预算调整数", "万元", "adjustmentIncrease − adjustmentDecrease"),
    adjustedBudget("调整后预算数", "万元", "yearStartBudget + adjustmentNet"),
    basicActual("基本支出实际支出数", "万元", "actual basic expenditure"),
    projectActual("项目支出实际支出数", "万元", "actual project expenditure"),
    totalActual("实际支出数", "万元", "basicActual + projectActual"),
    yearEndBalance("年末结余（单位申报）", "万元", "year-end balance as reported by the unit"),
    threePublicBudget("三公经费预算数", "万元", "budget of the three public expenses"),
    threePublicActual("三公经费实际支出数", "万元", "actual spending on the three public expenses");

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
