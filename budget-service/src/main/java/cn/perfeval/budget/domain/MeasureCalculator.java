package cn.perfeval.budget.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Derives the {@link Measure}s of a unit-year from its stored data. Exact decimal arithmetic only. */
public final class MeasureCalculator {

    private MeasureCalculator() {
    }

    public static Map<Measure, BigDecimal> compute(UnitYear unitYear) {
        Map<Measure, BigDecimal> m = new EnumMap<>(Measure.class);

        List<ExpenditureRow> classRows = unitYear.expenditureRows.stream()
                .filter(r -> new FunctionCode(r.code).level() == FunctionCode.Level.类)
                .toList();
        if (!classRows.isEmpty()) {
            m.put(Measure.yearStartBudget, sum(classRows, r -> r.total));
            m.put(Measure.basicBudget, sum(classRows, r -> r.basic));
            m.put(Measure.projectBudget, sum(classRows, r -> r.project));
        }

        Execution e = unitYear.execution;
        putIfPresent(m, Measure.adjustmentIncrease, e.adjustmentIncrease);
        putIfPresent(m, Measure.adjustmentDecrease, e.adjustmentDecrease);
        if (e.adjustmentIncrease != null || e.adjustmentDecrease != null) {
            BigDecimal net = orZero(e.adjustmentIncrease).subtract(orZero(e.adjustmentDecrease));
            m.put(Measure.adjustmentNet, net);
            if (m.containsKey(Measure.yearStartBudget)) {
                m.put(Measure.adjustedBudget, m.get(Measure.yearStartBudget).add(net));
            }
        }
        putIfPresent(m, Measure.basicActual, e.basicActual);
        putIfPresent(m, Measure.projectActual, e.projectActual);
        if (e.basicActual != null && e.projectActual != null) {
            m.put(Measure.totalActual, e.basicActual.add(e.projectActual));
        }
        putIfPresent(m, Measure.yearEndBalance, e.yearEndBalance);
        putIfPresent(m, Measure.threePublicBudget, e.threePublicBudget);
        putIfPresent(m, Measure.threePublicActual, e.threePublicActual);
        return m;
    }

    private static BigDecimal sum(List<ExpenditureRow> rows, Function<ExpenditureRow, BigDecimal> column) {
        return rows.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void putIfPresent(Map<Measure, BigDecimal> m, Measure measure, BigDecimal value) {
        if (value != null) {
            m.put(measure, value);
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
