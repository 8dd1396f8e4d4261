package cn.perfeval.budget.domain;

import cn.perfeval.budget.domain.Finding.Severity;
import cn.perfeval.events.measures.Terms;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks a reviewer makes on a unit-year (domain.md, "Checks a reviewer makes"), as far as
 * the stored data allows. Each rule has a stable id; a finding says where, what was expected,
 * what was found, and explains it in Chinese. Exact decimal arithmetic only.
 *
 * <table>
 * <tr><td>BUD-HIER-001</td><td>支出总表: a 款 or 类 differs from the sum of its children (per column)</td></tr>
 * <tr><td>BUD-HIER-002</td><td>收入总表: the same, per revenue column</td></tr>
 * <tr><td>BUD-HIER-003</td><td>execution by function code: the same, actual basic / project</td></tr>
 * <tr><td>BUD-ROW-001</td><td>支出总表: basic + project ≠ total</td></tr>
 * <tr><td>BUD-ROW-002</td><td>收入总表: 一般公共预算拨款 ≠ 经费拨款 + 纳入一般公共预算管理的非税收入拨款</td></tr>
 * <tr><td>BUD-ROW-003</td><td>收入总表: total ≠ sum of the sources</td></tr>
 * <tr><td>BUD-SUM-001</td><td>收支总表: a revenue source ≠ the sum of its sub-items</td></tr>
 * <tr><td>BUD-SUM-002</td><td>收支总表: revenue total ≠ sum of the sources</td></tr>
 * <tr><td>BUD-SUM-003</td><td>收支总表: expenditure total ≠ sum of the 类</td></tr>
 * <tr><td>BUD-SUM-004</td><td>收支总表: revenue total ≠ expenditure total + 结转下年</td></tr>
 * <tr><td>BUD-XTAB-001</td><td>收入总表 and 支出总表 disagree on the total of a code</td></tr>
 * <tr><td>BUD-XTAB-002</td><td>a code is in one of 收入总表 / 支出总表 only</td></tr>
 * <tr><td>BUD-XTAB-003</td><td>收入总表 and 支出总表 totals (sum of the 类) disagree</td></tr>
 * <tr><td>BUD-XTAB-004</td><td>收支总表 expenditure of a 类 ≠ the 类 row of the 支出总表</td></tr>
 * <tr><td>BUD-XTAB-005</td><td>收支总表 expenditure total ≠ 支出总表 total</td></tr>
 * <tr><td>BUD-XTAB-006</td><td>收支总表 revenue source ≠ the column total of the 收入总表</td></tr>
 * <tr><td>BUD-3P-001</td><td>三公经费 total ≠ sum of its three items</td></tr>
 * <tr><td>BUD-3P-002</td><td>三公经费 actual above budget</td></tr>
 * <tr><td>BUD-EXE-001</td><td>actual spending above the adjusted budget</td></tr>
 * <tr><td>BUD-EXE-002</td><td>the reported year-end balance contradicts adjusted budget − actual − carry-over</td></tr>
 * <tr><td>BUD-EXE-003</td><td>execution by function code (sum of the 类) ≠ actual basic / project given</td></tr>
 * <tr><td>BUD-ADJ-001</td><td>adjustment rate above 30 % without a written reason</td></tr>
 * <tr><td>BUD-ADJ-002</td><td>adjustment list disagrees with the adjustment totals given</td></tr>
 * <tr><td>BUD-MON-001</td><td>monthly execution: a month's cumulative figure below the previous month's (ERROR)</td></tr>
 * <tr><td>BUD-MON-002</td><td>monthly execution: month 12 differs from the year-end actual, both recorded (ERROR)</td></tr>
 * <tr><td>BUD-MON-003</td><td>monthly execution: the latest cumulative spending above the adjusted budget (WARNING)</td></tr>
 * <tr><td>BUD-TGT-001</td><td>a target misses its target at month 12 and no deviation reason is recorded (WARNING)</td></tr>
 * </table>
 */
public final class Checks {

    public static final String EXPENDITURE = "expenditure";
    public static final String REVENUE = "revenue";
    public static final String BUDGET_SUMMARY = "budgetSummary";
    public static final String EXECUTION = "execution";
    public static final String EXECUTION_BY_FUNCTION = "execution.byFunction";
    public static final String THREE_PUBLIC = "execution.threePublic";
    public static final String ADJUSTMENTS = "adjustments";
    public static final String MONTHLY_EXECUTION = "monthlyExecution";
    public static final String TARGETS = "targets";

    /** Above this adjustment rate a written reason is required. */
    static final BigDecimal ADJUSTMENT_RATE_LIMIT = new BigDecimal("0.30");

    /** 收支总表 revenue items and the 收入总表 column each one totals. */
    static final Map<String, String> SUMMARY_SOURCE_COLUMNS = Map.of(
            "一般公共预算拨款", "generalBudget",
            "经费拨款", "generalBudgetFunding",
            "纳入一般公共预算管理的非税收入拨款", "generalBudgetNonTax",
            "政府性基金收入", "governmentFund",
            "纳入专户管理的非税收入拨款", "specialAccountNonTax",
            "纳入专户管理的非税收入", "specialAccountNonTax",
            "上级补助收入", "superiorSubsidy",
            "其他收入", "other");

    private Checks() {
    }

    /** A table row seen by the generic checks: code, name and its amounts by column (null = empty). */
    record Row(String code, String name, Map<String, BigDecimal> values) {
    }

    public static List<Finding> check(UnitYear uy) {
        List<Finding> out = new ArrayList<>();
        List<Row> expenditure = uy.expenditureRows.stream().map(r -> row(r.code, r.name,
                "total", r.total, "basic", r.basic, "project", r.project)).toList();
        List<Row> revenue = uy.revenueRows.stream().map(Checks::row).toList();
        List<Row> executionRows = uy.executionRows.stream().map(r -> row(r.code, r.name,
                "basicActual", r.basicActual, "projectActual", r.projectActual)).toList();

        hierarchy(out, "BUD-HIER-001", EXPENDITURE, "支出总表", expenditure, revenue, "收入总表");
        hierarchy(out, "BUD-HIER-002", REVENUE, "收入总表", revenue, expenditure, "支出总表");
        hierarchy(out, "BUD-HIER-003", EXECUTION_BY_FUNCTION, "分科目执行表", executionRows, List.of(), null);
        expenditureRowSums(out, uy);
        revenueRowSums(out, uy);
        if (uy.summaryRecorded) {
            summary(out, uy);
        }
        crossTables(out, uy, expenditure, revenue);
        threePublic(out, uy);
        execution(out, uy, executionRows);
        adjustments(out, uy);
        monthlyExecution(out, uy);
        targets(out, uy);
        return out;
    }

    // ---------------------------------------------------------------- hierarchy and rows

    /**
     * A 款 or 类 that differs from the sum of its children. When the other tables say which side is right,
     * the finding names that side: a parent that agrees with its own parent (the siblings add up to it)
     * and, for the total, with the other table, is corroborated, so its only child (or the one child the
     * other table disagrees with by the same amount) is the wrong cell — in the golden case 2010499, not
     * 20104 (issue #15).
     */
    static void hierarchy(List<Finding> out, String ruleId, String table, String tableName, List<Row> rows,
                          List<Row> other, String otherName) {
        Map<String, Row> byCode = byCode(rows);
        Map<String, Row> otherByCode = byCode(other);
        Map<String, List<Row>> childrenOf = new LinkedHashMap<>();
        for (Row r : rows) {
            new FunctionCode(r.code()).parent()
                    .ifPresent(p -> childrenOf.computeIfAbsent(p.value(), k -> new ArrayList<>()).add(r));
        }
        for (Row parent : rows) {
            List<Row> children = childrenOf.getOrDefault(parent.code(), List.of());
            if (children.isEmpty()) {
                continue;
            }
            String childCodes = children.stream().map(Row::code).collect(Collectors.joining("、"));
            for (String column : parent.values().keySet()) {
                BigDecimal actual = parent.values().get(column);
                List<BigDecimal> childValues = children.stream().map(c -> c.values().get(column)).filter(Objects::nonNull).toList();
                if (actual == null && childValues.isEmpty()) {
                    continue;
                }
                BigDecimal expected = childValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                if (orZero(actual).compareTo(expected) != 0) {
                    Finding child = wrongChild(ruleId, table, tableName, parent, children, column, byCode, childrenOf,
                            otherByCode, otherName);
                    if (child != null) {
                        out.add(child);
                        continue;
                    }
                    String level = new FunctionCode(parent.code()).level().name();
                    out.add(new Finding(ruleId, Severity.ERROR, table, parent.code(), column, expected, orZero(actual),
                            tableName + "中" + level + " " + parent.code() + "（" + parent.name() + "）的" + label(column) + "为 "
                                    + fmt(orZero(actual)) + " 万元，而其下级科目 " + childCodes + " 之和为 " + fmt(expected)
                                    + " 万元，相差 " + fmt(orZero(actual).subtract(expected).abs()) + " 万元；上级科目应等于下级科目之和。"));
                }
            }
        }
    }

    /** The child cell to blame, when the parent is corroborated and the culprit is clear; else null. */
    private static Finding wrongChild(String ruleId, String table, String tableName, Row parent, List<Row> children,
                                      String column, Map<String, Row> byCode, Map<String, List<Row>> childrenOf,
                                      Map<String, Row> otherByCode, String otherName) {
        BigDecimal parentValue = orZero(parent.values().get(column));
        List<String> witnesses = new ArrayList<>();
        new FunctionCode(parent.code()).parent().map(g -> byCode.get(g.value())).ifPresent(grand -> {
            BigDecimal siblings = childrenOf.getOrDefault(grand.code(), List.of()).stream()
                    .map(r -> orZero(r.values().get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (grand.values().get(column) != null && grand.values().get(column).compareTo(siblings) == 0) {
                witnesses.add(new FunctionCode(grand.code()).level().name() + " " + grand.code() + " 的" + label(column)
                        + "与之相符");
            }
        });
        Row otherParent = otherByCode.get(parent.code());
        if ("total".equals(column) && otherParent != null && otherParent.values().get("total") != null
                && otherParent.values().get("total").compareTo(parentValue) == 0) {
            witnesses.add(otherName + "中 " + parent.code() + " 也为 " + fmt(parentValue) + " 万元");
        }
        if (witnesses.isEmpty()) {
            return null;
        }
        BigDecimal childSum = children.stream().map(c -> orZero(c.values().get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = parentValue.subtract(childSum);
        Row culprit = null;
        if (children.size() == 1) {
            culprit = children.get(0);
        } else if ("total".equals(column)) {
            List<Row> disagreeing = children.stream().filter(c -> {
                Row o = otherByCode.get(c.code());
                return o != null && o.values().get("total") != null
                        && o.values().get("total").subtract(orZero(c.values().get("total"))).compareTo(difference) == 0;
            }).toList();
            culprit = disagreeing.size() == 1 ? disagreeing.get(0) : null;
        }
        if (culprit == null) {
            return null;
        }
        BigDecimal actual = orZero(culprit.values().get(column));
        BigDecimal expected = actual.add(difference);
        Row otherChild = otherByCode.get(culprit.code());
        if ("total".equals(column) && otherChild != null && otherChild.values().get("total") != null
                && otherChild.values().get("total").compareTo(expected) == 0) {
            witnesses.add(otherName + "中 " + culprit.code() + " 为 " + fmt(expected) + " 万元");
        }
        FunctionCode.Level parentLevel = new FunctionCode(parent.code()).level();
        return new Finding(ruleId, Severity.ERROR, table, culprit.code(), column, expected, actual,
                tableName + "中" + new FunctionCode(culprit.code()).level().name() + " " + culprit.code() + "（" + culprit.name()
                        + "）的" + label(column) + "为 " + fmt(actual) + " 万元，应为 " + fmt(expected) + " 万元：其上级"
                        + parentLevel.name() + " " + parent.code() + "（" + parent.name() + "）为 " + fmt(parentValue) + " 万元，"
                        + String.join("，", witnesses) + "；下级科目之和应等于上级科目，相差 " + fmt(difference.abs()) + " 万元。");
    }

    static void expenditureRowSums(List<Finding> out, UnitYear uy) {
        for (ExpenditureRow r : uy.expenditureRows) {
            BigDecimal expected = r.basic.add(r.project);
            if (r.total.compareTo(expected) != 0) {
                out.add(new Finding("BUD-ROW-001", Severity.ERROR, EXPENDITURE, r.code, "total", expected, r.total,
                        "支出总表中 " + r.code + "（" + r.name + "）的合计为 " + fmt(r.total) + " 万元，但基本支出 " + fmt(r.basic)
                                + " 万元与项目支出 " + fmt(r.project) + " 万元之和为 " + fmt(expected) + " 万元。"));
            }
        }
    }

    static void revenueRowSums(List<Finding> out, UnitYear uy) {
        for (RevenueRow r : uy.revenueRows) {
            if (r.generalBudget != null || r.generalBudgetFunding != null || r.generalBudgetNonTax != null) {
                BigDecimal expected = orZero(r.generalBudgetFunding).add(orZero(r.generalBudgetNonTax));
                if (orZero(r.generalBudget).compareTo(expected) != 0) {
                    out.add(new Finding("BUD-ROW-002", Severity.ERROR, REVENUE, r.code, "generalBudget", expected,
                            orZero(r.generalBudget), "收入总表中 " + r.code + "（" + r.name + "）的一般公共预算拨款为 "
                            + fmt(orZero(r.generalBudget)) + " 万元，但经费拨款与纳入一般公共预算管理的非税收入拨款之和为 "
                            + fmt(expected) + " 万元。"));
                }
            }
            BigDecimal sources = orZero(r.generalBudget).add(orZero(r.governmentFund)).add(orZero(r.specialAccountNonTax))
                    .add(orZero(r.superiorSubsidy)).add(orZero(r.other));
            if (r.total.compareTo(sources) != 0) {
                out.add(new Finding("BUD-ROW-003", Severity.ERROR, REVENUE, r.code, "total", sources, r.total,
                        "收入总表中 " + r.code + "（" + r.name + "）的合计为 " + fmt(r.total)
                                + " 万元，但各项收入来源（一般公共预算拨款、政府性基金、纳入专户管理的非税收入、上级补助收入、其他收入）之和为 "
                                + fmt(sources) + " 万元。"));
            }
        }
    }

    // ---------------------------------------------------------------- 收支总表

    static void summary(List<Finding> out, UnitYear uy) {
        List<SummaryItem> revenue = uy.summaryItems(SummaryItem.REVENUE);
        List<SummaryItem> expenditure = uy.summaryItems(SummaryItem.EXPENDITURE);
        List<SummaryItem> sources = revenue.stream().filter(i -> i.parentSeq == null).toList();
        for (SummaryItem source : sources) {
            List<SummaryItem> children = revenue.stream().filter(i -> Objects.equals(i.parentSeq, source.seq)).toList();
            if (!children.isEmpty()) {
                BigDecimal expected = children.stream().map(i -> i.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (source.amount.compareTo(expected) != 0) {
                    out.add(new Finding("BUD-SUM-001", Severity.ERROR, BUDGET_SUMMARY, null, "revenue." + source.item,
                            expected, source.amount, "收支总表中“" + source.item + "”为 " + fmt(source.amount)
                            + " 万元，但其明细之和为 " + fmt(expected) + " 万元。"));
                }
            }
        }
        BigDecimal sourceSum = sources.stream().map(i -> i.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (uy.summaryRevenueTotal != null && uy.summaryRevenueTotal.compareTo(sourceSum) != 0) {
            out.add(new Finding("BUD-SUM-002", Severity.ERROR, BUDGET_SUMMARY, null, "revenueTotal", sourceSum,
                    uy.summaryRevenueTotal, "收支总表的收入总计为 " + fmt(uy.summaryRevenueTotal) + " 万元，但各项收入之和为 "
                    + fmt(sourceSum) + " 万元。"));
        }
        BigDecimal expenditureSum = expenditure.stream().map(i -> i.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (uy.summaryExpenditureTotal != null && uy.summaryExpenditureTotal.compareTo(expenditureSum) != 0) {
            out.add(new Finding("BUD-SUM-003", Severity.ERROR, BUDGET_SUMMARY, null, "expenditureTotal", expenditureSum,
                    uy.summaryExpenditureTotal, "收支总表的支出总计为 " + fmt(uy.summaryExpenditureTotal)
                    + " 万元，但各类支出之和为 " + fmt(expenditureSum) + " 万元。"));
        }
        if (uy.summaryRevenueTotal != null && uy.summaryExpenditureTotal != null) {
            BigDecimal expected = uy.summaryExpenditureTotal.add(orZero(uy.summaryCarryForward));
            if (uy.summaryRevenueTotal.compareTo(expected) != 0) {
                out.add(new Finding("BUD-SUM-004", Severity.ERROR, BUDGET_SUMMARY, null, "revenueTotal", expected,
                        uy.summaryRevenueTotal, "收支总表的收入总计为 " + fmt(uy.summaryRevenueTotal) + " 万元，但支出总计 "
                        + fmt(uy.summaryExpenditureTotal) + " 万元加结转下年 " + fmt(orZero(uy.summaryCarryForward))
                        + " 万元为 " + fmt(expected) + " 万元；收入总计应等于支出总计加结转下年。"));
            }
        }
    }

    // ---------------------------------------------------------------- across tables

    static void crossTables(List<Finding> out, UnitYear uy, List<Row> expenditure, List<Row> revenue) {
        if (!expenditure.isEmpty() && !revenue.isEmpty()) {
            Map<String, Row> expByCode = byCode(expenditure);
            Map<String, Row> revByCode = byCode(revenue);
            for (Row rev : revenue) {
                Row exp = expByCode.get(rev.code());
                if (exp == null) {
                    out.add(new Finding("BUD-XTAB-002", Severity.WARNING, EXPENDITURE, rev.code(), "total",
                            rev.values().get("total"), null, "科目 " + rev.code() + "（" + rev.name() + "）在收入总表中有 "
                            + fmt(rev.values().get("total")) + " 万元，但支出总表中没有该科目。"));
                    continue;
                }
                BigDecimal expected = rev.values().get("total");
                BigDecimal actual = exp.values().get("total");
                if (expected.compareTo(actual) != 0) {
                    out.add(new Finding("BUD-XTAB-001", Severity.ERROR, EXPENDITURE, rev.code(), "total", expected, actual,
                            "科目 " + rev.code() + "（" + exp.name() + "）在收入总表中合计为 " + fmt(expected)
                                    + " 万元，在支出总表中合计为 " + fmt(actual) + " 万元，两表相差 "
                                    + fmt(expected.subtract(actual).abs()) + " 万元；同一科目的收入与支出应相等。"));
                }
            }
            for (Row exp : expenditure) {
                if (!revByCode.containsKey(exp.code())) {
                    out.add(new Finding("BUD-XTAB-002", Severity.WARNING, REVENUE, exp.code(), "total",
                            exp.values().get("total"), null, "科目 " + exp.code() + "（" + exp.name() + "）在支出总表中有 "
                            + fmt(exp.values().get("total")) + " 万元，但收入总表中没有该科目。"));
                }
            }
            BigDecimal revTotal = classTotal(revenue, "total");
            BigDecimal expTotal = classTotal(expenditure, "total");
            if (revTotal.compareTo(expTotal) != 0) {
                out.add(new Finding("BUD-XTAB-003", Severity.ERROR, EXPENDITURE, null, "total", revTotal, expTotal,
                        "收入总表合计为 " + fmt(revTotal) + " 万元，支出总表合计为 " + fmt(expTotal) + " 万元，两表总额不一致。"));
            }
        }
        if (uy.summaryRecorded && !expenditure.isEmpty()) {
            Map<String, Row> expByCode = byCode(expenditure);
            for (SummaryItem s : uy.summaryItems(SummaryItem.EXPENDITURE)) {
                Row exp = s.code == null ? null : expByCode.get(s.code);
                BigDecimal actual = exp == null ? null : exp.values().get("total");
                if (actual == null || actual.compareTo(s.amount) != 0) {
                    out.add(new Finding("BUD-XTAB-004", Severity.ERROR, BUDGET_SUMMARY, s.code, "expenditure", actual,
                            s.amount, "收支总表中" + s.item + "（" + s.code + "）为 " + fmt(s.amount) + " 万元，"
                            + (actual == null ? "但支出总表中没有该类。" : "但支出总表中该类合计为 " + fmt(actual) + " 万元。")));
                }
            }
            BigDecimal expTotal = classTotal(expenditure, "total");
            if (uy.summaryExpenditureTotal != null && uy.summaryExpenditureTotal.compareTo(expTotal) != 0) {
                out.add(new Finding("BUD-XTAB-005", Severity.ERROR, BUDGET_SUMMARY, null, "expenditureTotal", expTotal,
                        uy.summaryExpenditureTotal, "收支总表的支出总计为 " + fmt(uy.summaryExpenditureTotal)
                        + " 万元，但支出总表合计为 " + fmt(expTotal) + " 万元。"));
            }
        }
        if (uy.summaryRecorded && !revenue.isEmpty()) {
            for (SummaryItem s : uy.summaryItems(SummaryItem.REVENUE)) {
                String column = SUMMARY_SOURCE_COLUMNS.get(s.item.strip());
                if (column == null) {
                    continue;
                }
                BigDecimal expected = classTotal(revenue, column);
                if (expected.compareTo(s.amount) != 0) {
                    out.add(new Finding("BUD-XTAB-006", Severity.ERROR, BUDGET_SUMMARY, null, "revenue." + s.item, expected,
                            s.amount, "收支总表中“" + s.item + "”为 " + fmt(s.amount) + " 万元，但收入总表该列合计为 "
                            + fmt(expected) + " 万元。"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- 三公经费

    static void threePublic(List<Finding> out, UnitYear uy) {
        Execution e = uy.execution;
        if (!uy.threePublicItems.isEmpty()) {
            threePublicTotal(out, uy, "budget", e.threePublicBudget, i -> i.budget);
            threePublicTotal(out, uy, "actual", e.threePublicActual, i -> i.actual);
            threePublicTotal(out, uy, "budgetLastYear", e.threePublicBudgetLastYear, i -> i.budgetLastYear);
            threePublicTotal(out, uy, "actualLastYear", e.threePublicActualLastYear, i -> i.actualLastYear);
        }
        Map<Measure, BigDecimal> m = MeasureCalculator.compute(uy);
        BigDecimal budget = m.get(Measure.threePublicBudget);
        BigDecimal actual = m.get(Measure.threePublicActual);
        if (budget != null && actual != null && actual.compareTo(budget) > 0) {
            out.add(new Finding("BUD-3P-002", Severity.WARNING, THREE_PUBLIC, null, "actual", budget, actual,
                    "三公经费实际支出 " + fmt(actual) + " 万元超过预算 " + fmt(budget) + " 万元，超支 "
                            + fmt(actual.subtract(budget)) + " 万元。"));
        }
    }

    private static void threePublicTotal(List<Finding> out, UnitYear uy, String column, BigDecimal total,
                                         Function<ThreePublicItem, BigDecimal> value) {
        BigDecimal sum = MeasureCalculator.sumItems(uy, value);
        if (total != null && sum != null && total.compareTo(sum) != 0) {
            out.add(new Finding("BUD-3P-001", Severity.ERROR, THREE_PUBLIC, null, column, sum, total,
                    "三公经费" + label(column) + "合计为 " + fmt(total) + " 万元，但因公出国（境）、公务用车购置及运行、公务接待三项之和为 "
                            + fmt(sum) + " 万元。"));
        }
    }

    // ---------------------------------------------------------------- execution

    static void execution(List<Finding> out, UnitYear uy, List<Row> executionRows) {
        Execution e = uy.execution;
        Map<Measure, BigDecimal> m = MeasureCalculator.compute(uy);
        BigDecimal yearStart = m.get(Measure.yearStartBudget);
        // the year's actual spending only: during the year the measure is a month's figure (BUD-MON-003)
        BigDecimal actual = MeasureCalculator.isYearEnd(uy) ? e.basicActual.add(e.projectActual) : null;
        if (yearStart != null && actual != null) {
            BigDecimal net = m.getOrDefault(Measure.adjustmentNet, BigDecimal.ZERO);
            BigDecimal adjusted = yearStart.add(net);
            String budgetText = "调整后预算 " + fmt(adjusted) + " 万元（年初预算 " + fmt(yearStart) + " + 预算调整 " + fmt(net) + "）";
            String actualText = "实际支出 " + fmt(actual) + " 万元（基本支出 " + fmt(e.basicActual) + " + 项目支出 "
                    + fmt(e.projectActual) + "）";
            if (actual.compareTo(adjusted) > 0) {
                out.add(new Finding("BUD-EXE-001", Severity.WARNING, EXECUTION, null, "totalActual", adjusted, actual,
                        actualText + "超过" + budgetText + "，超出 " + fmt(actual.subtract(adjusted)) + " 万元。"));
            } else if (e.yearEndBalance != null) {
                BigDecimal carryOver = orZero(e.carryOver);
                BigDecimal implied = adjusted.subtract(actual).subtract(carryOver);
                if (implied.compareTo(e.yearEndBalance) != 0) {
                    String claim = e.yearEndBalance.signum() == 0
                            ? "单位申报年末无资金结余（年末结余 0 万元）"
                            : "单位申报年末结余 " + fmt(e.yearEndBalance) + " 万元";
                    String carry = e.carryOver == null ? "" : "及结转下年 " + fmt(carryOver) + " 万元";
                    out.add(new Finding("BUD-EXE-002", Severity.WARNING, EXECUTION, null, "yearEndBalance", implied,
                            e.yearEndBalance, claim + "，但" + budgetText + "减去" + actualText + carry + "后应余 "
                            + fmt(implied) + " 万元" + (e.carryOver == null ? "（未记录结转下年资金）" : "")
                            + "，与申报相差 " + fmt(implied.subtract(e.yearEndBalance).abs()) + " 万元，未作说明。"));
                }
            }
        }
        if (!executionRows.isEmpty()) {
            for (String column : List.of("basicActual", "projectActual")) {
                BigDecimal given = "basicActual".equals(column) ? e.basicActual : e.projectActual;
                BigDecimal sum = classTotal(executionRows, column);
                if (given != null && given.compareTo(sum) != 0) {
                    out.add(new Finding("BUD-EXE-003", Severity.ERROR, EXECUTION, null, column, sum, given,
                            label(column) + "填报为 " + fmt(given) + " 万元，但分科目执行表各类之和为 " + fmt(sum) + " 万元。"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- monthly execution and targets

    /**
     * The monthly execution: cumulative figures that go down from one recorded month to the next
     * (BUD-MON-001), a December that is not the year's actual spending (BUD-MON-002), and spending up
     * to the latest month above the adjusted budget (BUD-MON-003).
     */
    static void monthlyExecution(List<Finding> out, UnitYear uy) {
        List<MonthExecution> months = uy.monthsInOrder();
        if (months.isEmpty()) {
            return;
        }
        for (int i = 1; i < months.size(); i++) {
            MonthExecution prev = months.get(i - 1);
            MonthExecution cur = months.get(i);
            for (String column : List.of("basicActual", "projectActual")) {
                BigDecimal before = "basicActual".equals(column) ? prev.basicActual : prev.projectActual;
                BigDecimal now = "basicActual".equals(column) ? cur.basicActual : cur.projectActual;
                if (now.compareTo(before) < 0) {
                    out.add(new Finding("BUD-MON-001", Severity.ERROR, MONTHLY_EXECUTION, null, column, before, now,
                            cur.month + " 月的" + label(column) + "累计 " + fmt(now) + " 万元小于 " + prev.month + " 月的 "
                                    + fmt(before) + " 万元：累计数不应减少，请核对这两个月的数据。"));
                }
            }
        }
        Execution e = uy.execution;
        MonthExecution last = months.get(months.size() - 1);
        if (last.month == 12) {
            for (String column : List.of("basicActual", "projectActual")) {
                BigDecimal yearEnd = "basicActual".equals(column) ? e.basicActual : e.projectActual;
                BigDecimal december = "basicActual".equals(column) ? last.basicActual : last.projectActual;
                if (yearEnd != null && yearEnd.compareTo(december) != 0) {
                    out.add(new Finding("BUD-MON-002", Severity.ERROR, MONTHLY_EXECUTION, null, column, yearEnd, december,
                            "12 月的" + label(column) + "累计 " + fmt(december) + " 万元与预算执行情况中的全年"
                                    + label(column) + " " + fmt(yearEnd) + " 万元不一致，相差 "
                                    + fmt(december.subtract(yearEnd).abs()) + " 万元。"));
                }
            }
        }
        Map<Measure, BigDecimal> m = MeasureCalculator.compute(uy);
        BigDecimal yearStart = m.get(Measure.yearStartBudget);
        if (yearStart != null) {
            BigDecimal net = m.getOrDefault(Measure.adjustmentNet, BigDecimal.ZERO);
            BigDecimal adjusted = yearStart.add(net);
            BigDecimal spent = last.total();
            if (spent.compareTo(adjusted) > 0) {
                out.add(new Finding("BUD-MON-003", Severity.WARNING, MONTHLY_EXECUTION, null, "totalActual", adjusted, spent,
                        "截至 " + last.month + " 月累计支出 " + fmt(spent) + " 万元（基本支出 " + fmt(last.basicActual)
                                + " + 项目支出 " + fmt(last.projectActual) + "）已超过调整后预算 " + fmt(adjusted)
                                + " 万元，超出 " + fmt(spent.subtract(adjusted)) + " 万元。"));
            }
        }
    }

    /**
     * A target whose year's actual value (month 12) misses it — below a 越大越好 target, above a 越小越好
     * one, other than an 等于 one, a qualitative one not 达成 — with no deviation reason (BUD-TGT-001).
     */
    static void targets(List<Finding> out, UnitYear uy) {
        for (Target t : uy.targets) {
            TargetProgress year = uy.progressOf(t.code).stream().filter(p -> p.month == 12).findFirst().orElse(null);
            if (year == null || year.deviationReason != null) {
                continue;
            }
            if (t.isQualitative()) {
                if (year.achievement != null && !"达成".equals(year.achievement)) {
                    out.add(new Finding("BUD-TGT-001", Severity.WARNING, TARGETS, t.code, "deviationReason", null,
                            year.achievementPercent, "指标“" + t.name + "”全年完成等级为" + year.achievement
                                    + "，未达成目标，但没有填写偏差原因。"));
                }
                continue;
            }
            if (year.actualValue == null || t.targetValue == null) {
                continue;
            }
            int c = year.actualValue.compareTo(t.targetValue);
            boolean missed = switch (t.direction) {
                case Target.LARGER_BETTER -> c < 0;
                case Target.SMALLER_BETTER -> c > 0;
                default -> c != 0;
            };
            if (missed) {
                String unit = t.unitOfMeasure == null ? "" : t.unitOfMeasure;
                out.add(new Finding("BUD-TGT-001", Severity.WARNING, TARGETS, t.code, "actualValue", t.targetValue,
                        year.actualValue, "指标“" + t.name + "”全年完成值 " + fmt(year.actualValue) + unit + "，未达到目标值 "
                                + fmt(t.targetValue) + unit + "（" + t.direction + "），但没有填写偏差原因。"));
            }
        }
    }

    // ---------------------------------------------------------------- adjustments

    static void adjustments(List<Finding> out, UnitYear uy) {
        Map<Measure, BigDecimal> m = MeasureCalculator.compute(uy);
        BigDecimal yearStart = m.get(Measure.yearStartBudget);
        BigDecimal net = m.get(Measure.adjustmentNet);
        if (yearStart != null && net != null && yearStart.signum() > 0) {
            BigDecimal rate = net.abs().divide(yearStart, MathContext.DECIMAL64);
            boolean reasoned = !uy.adjustments.isEmpty()
                    && uy.adjustments.stream().allMatch(a -> a.reason != null && !a.reason.isBlank());
            if (rate.compareTo(ADJUSTMENT_RATE_LIMIT) > 0 && !reasoned) {
                BigDecimal percent = rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
                out.add(new Finding("BUD-ADJ-001", Severity.WARNING, ADJUSTMENTS, null, "reason",
                        ADJUSTMENT_RATE_LIMIT.movePointRight(2), percent,
                        "预算调整率为 " + fmt(percent) + "%（预算调整 " + fmt(net) + " 万元 / 年初预算 " + fmt(yearStart)
                                + " 万元），超过 30%，但" + (uy.adjustments.isEmpty() ? "未记录调整明细及理由。" : "部分调整未写明理由。")));
            }
        }
        Execution e = uy.execution;
        if (!uy.adjustments.isEmpty()) {
            BigDecimal increase = MeasureCalculator.adjustmentIncrease(uy);
            BigDecimal decrease = MeasureCalculator.adjustmentDecrease(uy);
            if (e.adjustmentIncrease != null && e.adjustmentIncrease.compareTo(increase) != 0) {
                out.add(new Finding("BUD-ADJ-002", Severity.WARNING, ADJUSTMENTS, null, "adjustmentIncrease", increase,
                        e.adjustmentIncrease, "执行情况中填报的预算调增数为 " + fmt(e.adjustmentIncrease)
                        + " 万元，但调整明细中调增与追加之和为 " + fmt(increase) + " 万元；以调整明细为准。"));
            }
            if (e.adjustmentDecrease != null && e.adjustmentDecrease.compareTo(decrease) != 0) {
                out.add(new Finding("BUD-ADJ-002", Severity.WARNING, ADJUSTMENTS, null, "adjustmentDecrease", decrease,
                        e.adjustmentDecrease, "执行情况中填报的预算调减数为 " + fmt(e.adjustmentDecrease)
                        + " 万元，但调整明细中调减之和为 " + fmt(decrease) + " 万元；以调整明细为准。"));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Row row(String code, String name, Object... columnsAndValues) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put((String) columnsAndValues[i], (BigDecimal) columnsAndValues[i + 1]);
        }
        return new Row(code, name, values);
    }

    private static Row row(RevenueRow r) {
        return row(r.code, r.name, "total", r.total, "generalBudget", r.generalBudget,
                "generalBudgetFunding", r.generalBudgetFunding, "generalBudgetNonTax", r.generalBudgetNonTax,
                "governmentFund", r.governmentFund, "specialAccountNonTax", r.specialAccountNonTax,
                "superiorSubsidy", r.superiorSubsidy, "other", r.other);
    }

    private static Map<String, Row> byCode(List<Row> rows) {
        Map<String, Row> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.code(), r));
        return m;
    }

    /** Sum of one column over the 类 rows (empty cells count as 0). */
    private static BigDecimal classTotal(List<Row> rows, String column) {
        return rows.stream().filter(r -> r.code().length() == 3).map(r -> orZero(r.values().get(column)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The column as a budget table names it: basic → 基本支出, basicActual → 基本支出实际支出数. */
    private static String label(String column) {
        return Terms.column(column);
    }

    /** 274.970 → "274.97", 307.00 → "307", as the tables print them. */
    static String fmt(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
