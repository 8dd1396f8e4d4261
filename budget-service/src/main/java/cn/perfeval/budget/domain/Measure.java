package cn.perfeval.budget.domain;

import cn.perfeval.events.measures.Measures;

/**
 * The typed keys of the measures {@link MeasureCalculator} derives: exactly the names of the one
 * dictionary of measures ({@link Measures}, libs/events), which holds their Chinese labels, units
 * and definitions. A measure is absent from a snapshot when the data it derives from is not
 * recorded yet.
 */
public enum Measure {

    yearStartBudget, basicBudget, projectBudget,
    adjustmentIncrease, adjustmentDecrease, adjustmentNet, adjustedBudget,
    basicActual, projectActual, totalActual, yearEndBalance,
    threePublicBudget, threePublicActual, staffAuthorized, staffInService,
    threePublicBudgetLastYear, threePublicActualLastYear, keyProjectSpending,
    paymentProgressActual, paymentProgressPlanned, carryOverBalance, carryOverBalanceLastYear,
    publicRunningBudget, publicRunningActual, procurementBudget, procurementActual,
    fixedAssetsInUse, fixedAssetsTotal, keyTasksAssigned, keyTasksCompleted;

    /** The Chinese label, from the dictionary. */
    public String label() {
        return Measures.label(name());
    }

    /** 万元, 人, 件 or %, from the dictionary. */
    public String unit() {
        return Measures.unit(name());
    }

    /** The definition in Chinese, from the dictionary. */
    public String definition() {
        return Measures.definition(name());
    }
}
