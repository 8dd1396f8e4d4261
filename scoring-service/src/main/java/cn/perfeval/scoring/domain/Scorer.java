package cn.perfeval.scoring.domain;

import cn.perfeval.events.BudgetUnitYearChanged.Target;
import cn.perfeval.events.measures.Measures;
import cn.perfeval.scoring.domain.IndicatorSystem.Node;
import cn.perfeval.scoring.domain.ScoreResult.GroupResult;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Scores a unit-year's measures under an indicator system. Pure: no I/O, same inputs, same result. */
public final class Scorer {

    /** 34 significant digits: exact for any budget figure; rounding happens only for display. */
    public static final MathContext MATH = MathContext.DECIMAL128;

    private Scorer() {
    }

    public static ScoreResult score(IndicatorSystem system, Map<String, BigDecimal> measures) {
        return score(system, measures, Map.of());
    }

    /** Scores with the judgements recorded so far, by indicator code (no performance targets). */
    public static ScoreResult score(IndicatorSystem system, Map<String, BigDecimal> measures,
                                    Map<String, Judgement> judgements) {
        return score(system, measures, judgements, null);
    }

    /**
     * Scores with the judgements recorded so far and the unit-year's performance targets (those of
     * the budget event; null or empty when none are recorded), which {@code fromTargets} leaves score
     * ({@link TargetScoring}).
     */
    public static ScoreResult score(IndicatorSystem system, Map<String, BigDecimal> measures,
                                    Map<String, Judgement> judgements, List<Target> targets) {
        List<IndicatorResult> indicators = new ArrayList<>();
        List<GroupResult> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal maxTotal = BigDecimal.ZERO;
        for (Node g : system.groups()) {
            total = total.add(scoreNode(g, null, g.code(), measures, judgements, targets, indicators, groups));
            maxTotal = maxTotal.add(g.maxPoints());
        }
        boolean complete = indicators.stream().allMatch(i -> i.status() == Status.SCORED);
        return new ScoreResult(system.code(), system.version(), system.name(), total, maxTotal,
                system.gradeOf(total), complete, groups, indicators, List.of());
    }

    private static BigDecimal scoreNode(Node n, String parent, String topGroup, Map<String, BigDecimal> measures,
                                        Map<String, Judgement> judgements, List<Target> targets,
                                        List<IndicatorResult> indicators, List<GroupResult> groups) {
        if (n.isLeaf()) {
            IndicatorResult r = n.judged() ? judgedLeaf(n, topGroup, judgements.get(n.code()))
                    : n.fromTargets() != null ? TargetScoring.score(n, topGroup, targets)
                    : scoreLeaf(n, topGroup, measures);
            indicators.add(r);
            return r.points() == null ? BigDecimal.ZERO : r.points();
        }
        int at = groups.size();
        groups.add(null); // keep document order: the group before its subgroups
        BigDecimal sum = BigDecimal.ZERO;
        for (Node c : n.children()) {
            sum = sum.add(scoreNode(c, n.code(), topGroup, measures, judgements, targets, indicators, groups));
        }
        groups.set(at, new GroupResult(n.code(), n.name(), parent, n.maxPoints(), sum));
        return sum;
    }

    static IndicatorResult judgedLeaf(Node n, String group, Judgement j) {
        if (j == null) {
            return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), null, Status.AWAITING_JUDGEMENT,
                    null, null, null, null, null, "评价人评分", n.name() + "：待评价人评分", null);
        }
        String how = j.deduction() != null
                ? "满分 " + n.maxPoints().toPlainString() + " 分，扣 " + j.deduction().stripTrailingZeros().toPlainString()
                + " 分，得 " + j.points().stripTrailingZeros().toPlainString() + " 分"
                : "得 " + j.points().stripTrailingZeros().toPlainString() + " 分（满分 " + n.maxPoints().toPlainString() + " 分）";
        String explanation = n.name() + "：评价人 " + j.by() + " 评分，" + how + "。理由：" + j.reason()
                + (j.evidence() == null || j.evidence().isBlank() ? "" : "（依据：" + j.evidence() + "）");
        return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), j.points(), Status.SCORED,
                null, null, null, null, null, "评价人评分", explanation, j);
    }

    static IndicatorResult scoreLeaf(Node n, String group, Map<String, BigDecimal> measures) {
        Expressions.Compiled expression;
        Set<String> used;
        try {
            expression = Expressions.compiled(n.formula());
            used = new TreeSet<>(expression.usedVariables());
        } catch (ParseException e) {
            throw new IllegalStateException("formula of " + n.code() + " does not parse: " + e.getMessage(), e);
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String v : used) {
            BigDecimal value = lookup(measures, v);
            if (value == null) {
                missing.add(v);
            } else {
                values.put(v, value);
            }
        }
        if (!missing.isEmpty()) {
            return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), null, Status.MISSING_DATA,
                    n.formula(), values, null, null, n.unit(), describe(n.rule()),
                    n.name() + "：缺少数据 " + String.join("、", missing.stream().map(Measures::label).toList()) + "，暂不能计算", null);
        }
        BigDecimal exact;
        try {
            EvaluationValue result = expression.evaluate(new LinkedHashMap<>(values));
            exact = result.isBooleanValue()
                    ? (result.getBooleanValue() ? BigDecimal.ONE : BigDecimal.ZERO)
                    : result.getNumberValue();
        } catch (EvaluationException | ParseException | ArithmeticException e) {
            // a zero divisor of any scale, an overflow: the indicator cannot be computed, the pipeline goes on
            return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), null, Status.NOT_COMPUTABLE,
                    n.formula(), values, null, null, n.unit(), describe(n.rule()),
                    n.name() + "：按现有数据无法计算（" + why(e) + "）", null);
        }
        int scale = n.scale() == null ? 2 : n.scale();
        BigDecimal display = exact.setScale(scale, RoundingMode.HALF_UP);
        Rule.Outcome outcome;
        try {
            outcome = n.rule().apply(exact, n.maxPoints());
        } catch (IllegalStateException | ArithmeticException e) {
            // a value outside every band the system declares: reported, never guessed
            return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), null, Status.NOT_COMPUTABLE,
                    n.formula(), values, exact, display, n.unit(), describe(n.rule()),
                    working(n, values, display) + "，不在评分规则的任何分档内，无法计分", null);
        }
        String explanation = working(n, values, display) + "，" + outcome.applied();
        return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), outcome.points(), Status.SCORED,
                n.formula(), values, exact, display, n.unit(), describe(n.rule()), explanation, null);
    }

    /**
     * "预算调整率 = 预算调整数 / 年初预算数 × 100 = 307 / 4988.65 × 100 = 6.15 %": the formula in words
     * (left out when it only repeats the indicator's name), the figures (left out when the
     * formula is one measure), the value.
     */
    static String working(Node n, Map<String, BigDecimal> values, BigDecimal display) {
        StringBuilder w = new StringBuilder(n.name());
        String formula = Expressions.readable(n.formula());
        if (!formula.strip().equals(n.name())) {
            w.append(" = ").append(formula);
        }
        if (!Measures.isMeasure(n.formula().strip())) {
            w.append(" = ").append(Expressions.readable(substitute(n.formula(), values)));
        }
        return w.append(" = ").append(display.toPlainString()).append(n.unit() == null ? "" : " " + n.unit()).toString();
    }

    /** Why EvalEx could not evaluate a formula, in the reader's words. */
    private static String why(Exception e) {
        return Expressions.isDivisionByZero(e) ? Expressions.ExactZeroDivision.DIVISION_BY_ZERO : "公式无法求值";
    }

    /**
     * EvalEx treats variable names case-insensitively; measures are matched the same way. A measure
     * present without a value (null) is missing, like an absent one.
     */
    private static BigDecimal lookup(Map<String, BigDecimal> measures, String name) {
        BigDecimal v = measures.get(name);
        if (v != null) {
            return v;
        }
        return measures.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && e.getValue() != null)
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String substitute(String formula, Map<String, BigDecimal> values) {
        String out = formula;
        for (var e : values.entrySet()) {
            out = out.replaceAll("(?i)\\b" + e.getKey() + "\\b", e.getValue().stripTrailingZeros().toPlainString());
        }
        return out;
    }

    static String describe(Rule rule) {
        if (rule == null) {
            return null;
        }
        if (rule instanceof Rule.Bands b) {
            StringBuilder sb = new StringBuilder("分档：");
            for (int i = 0; i < b.bands().size(); i++) {
                Rule.Bands.Band band = b.bands().get(i);
                sb.append(i == 0 ? "" : "；").append(band.describe()).append(" → ").append(band.points().toPlainString()).append(" 分");
            }
            return sb.toString();
        }
        if (rule instanceof Rule.Deduction d) {
            return (d.direction() == Rule.Deduction.Direction.above ? "超过 " : "低于 ") + d.threshold().toPlainString()
                    + " 后每 " + d.perUnit().toPlainString() + " 扣 " + d.points().toPlainString() + " 分，最低 "
                    + (d.floor() == null ? "0" : d.floor().toPlainString()) + " 分";
        }
        if (rule instanceof Rule.Proportional p) {
            return "按比例计分：满分 × 值 / " + p.reference().toPlainString();
        }
        return "达标得满分，否则 0 分";
    }
}
