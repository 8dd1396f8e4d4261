package cn.perfeval.budget.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        BigDecimal increase = adjustmentIncrease(unitYear);
        BigDecimal decrease = adjustmentDecrease(unitYear);
        putIfPresent(m, Measure.adjustmentIncrease, increase);
        putIfPresent(m, Measure.adjustmentDecrease, decrease);
        if (increase != null || decrease != null) {
            BigDecimal net = orZero(increase).subtract(orZero(decrease));
            m.put(Measure.adjustmentNet, net);
            if (m.containsKey(Measure.yearStartBudget)) {
                m.put(Measure.adjustedBudget, m.get(Measure.yearStartBudget).add(net));
            }
        }
        Optional<MonthExecution> latest = unitYear.latestMonth();
        if (!isYearEnd(unitYear) && latest.isPresent()) {
            // during the year: the spending measures are the latest month's cumulative figures
            m.put(Measure.basicActual, latest.get().basicActual);
            m.put(Measure.projectActual, latest.get().projectActual);
            m.put(Measure.totalActual, latest.get().total());
        } else {
            putIfPresent(m, Measure.basicActual, e.basicActual);
            putIfPresent(m, Measure.projectActual, e.projectActual);
            if (e.basicActual != null && e.projectActual != null) {
                m.put(Measure.totalActual, e.basicActual.add(e.projectActual));
            }
        }
        putIfPresent(m, Measure.yearEndBalance, e.yearEndBalance);
        putIfPresent(m, Measure.threePublicBudget,
                firstNonNull(e.threePublicBudget, sumItems(unitYear, i -> i.budget)));
        putIfPresent(m, Measure.threePublicActual,
                firstNonNull(e.threePublicActual, sumItems(unitYear, i -> i.actual)));

        Staff s = unitYear.staff;
        if (s.authorizedPosts != null) {
            m.put(Measure.staffAuthorized, BigDecimal.valueOf(s.authorizedPosts));
        }
        if (s.inService != null) {
            m.put(Measure.staffInService, BigDecimal.valueOf(s.inService));
        }
        putIfPresent(m, Measure.threePublicBudgetLastYear,
                firstNonNull(e.threePublicBudgetLastYear, sumItems(unitYear, i -> i.budgetLastYear)));
        putIfPresent(m, Measure.threePublicActualLastYear,
                firstNonNull(e.threePublicActualLastYear, sumItems(unitYear, i -> i.actualLastYear)));
        putIfPresent(m, Measure.keyProjectSpending, e.keyProjectSpending);
        putIfPresent(m, Measure.paymentProgressActual, e.paymentProgressActual);
        putIfPresent(m, Measure.paymentProgressPlanned, e.paymentProgressPlanned);
        putIfPresent(m, Measure.carryOverBalance, e.carryOverBalance);
        putIfPresent(m, Measure.carryOverBalanceLastYear, e.carryOverBalanceLastYear);
        putIfPresent(m, Measure.publicRunningBudget, e.publicRunningBudget);
        putIfPresent(m, Measure.publicRunningActual, e.publicRunningActual);
        putIfPresent(m, Measure.procurementBudget, e.procurementBudget);
        putIfPresent(m, Measure.procurementActual, e.procurementActual);
        putIfPresent(m, Measure.fixedAssetsInUse, e.fixedAssetsInUse);
        putIfPresent(m, Measure.fixedAssetsTotal, e.fixedAssetsTotal);
        if (e.keyTasksAssigned != null) {
            m.put(Measure.keyTasksAssigned, BigDecimal.valueOf(e.keyTasksAssigned));
        }
        if (e.keyTasksCompleted != null) {
            m.put(Measure.keyTasksCompleted, BigDecimal.valueOf(e.keyTasksCompleted));
        }
        return m;
    }

    /**
     * Whether the year's actual spending is recorded: the year-end basic and project actuals (budget
     * execution) are both given. Until then the spending measures ({@code basicActual},
     * {@code projectActual}, {@code totalActual}) are the cumulative figures of the latest month of the
     * monthly execution when one is recorded; once they are given, they win over any month.
     */
    public static boolean isYearEnd(UnitYear uy) {
        return uy.execution.basicActual != null && uy.execution.projectActual != null;
    }

    /** The latest month of the monthly execution, null when none is recorded. */
    public static Integer asOfMonth(UnitYear uy) {
        return uy.latestMonth().map(me -> me.month).orElse(null);
    }

    /** 调增 + 追加 of the adjustment list when one is recorded, else the total given; null when neither. */
    public static BigDecimal adjustmentIncrease(UnitYear uy) {
        if (!uy.adjustments.isEmpty()) {
            return uy.adjustments.stream().filter(a -> !a.isDecrease()).map(a -> a.amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return uy.execution.adjustmentIncrease;
    }

    /** 调减 of the adjustment list when one is recorded, else the total given; null when neither. */
    public static BigDecimal adjustmentDecrease(UnitYear uy) {
        if (!uy.adjustments.isEmpty()) {
            return uy.adjustments.stream().filter(Adjustment::isDecrease).map(a -> a.amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return uy.execution.adjustmentDecrease;
    }

    /** Sum of one column of the 三公 items; null when no item has it. */
    static BigDecimal sumItems(UnitYear uy, Function<ThreePublicItem, BigDecimal> column) {
        List<BigDecimal> values = uy.threePublicItems.stream().map(column).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(List<ExpenditureRow> rows, Function<ExpenditureRow, BigDecimal> column) {
        return rows.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal firstNonNull(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
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
