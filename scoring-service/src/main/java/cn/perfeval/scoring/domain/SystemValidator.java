package cn.perfeval.scoring.domain;

import cn.perfeval.platform.json.BoundedDecimals;

import cn.perfeval.platform.text.TextPolicy;
import cn.perfeval.scoring.domain.IndicatorSystem.GradeBand;
import cn.perfeval.scoring.domain.IndicatorSystem.Node;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.parser.ParseException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an indicator system before it is stored: formulas parse in the restricted expression
 * language and name known measures only, group maxima add up, rule parameters make sense, bands
 * are ordered without gaps or overlaps, and grade bands cover 0 … maximum total exactly once.
 * Every problem names its field by JSON path ({@code groups[0].children[2].formula}).
 */
public final class SystemValidator {

    /** One problem: the JSON path of the field, what is wrong, and the offending value. */
    public record Violation(String field, String message, Object rejected) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Set<String> measures;
    private final List<Violation> out = new ArrayList<>();
    private final Set<String> codes = new HashSet<>();

    private SystemValidator(Set<String> measures) {
        this.measures = measures;
    }

    public static List<Violation> validate(IndicatorSystem s, Set<String> knownMeasures) {
        SystemValidator v = new SystemValidator(knownMeasures);
        v.system(s);
        return List.copyOf(v.out);
    }

    private void system(IndicatorSystem s) {
        if (s.code() == null || !CODE.matcher(s.code()).matches()) {
            add("code", "必填：字母、数字、'.'、'_' 或 '-'，至多 64 个字符", s.code());
        }
        if (blank(s.name())) {
            add("name", "必填", s.name());
        }
        text("name", s.name(), true, 300);
        text("description", s.description(), false, 4000);
        if (s.groups() == null || s.groups().isEmpty()) {
            add("groups", "至少要有一个指标组", null);
            return;
        }
        BigDecimal maxTotal = BigDecimal.ZERO;
        for (int i = 0; i < s.groups().size(); i++) {
            Node g = s.groups().get(i);
            String path = "groups[" + i + "]";
            if (g == null) {
                add(path, "必填", null);
                continue;
            }
            if (g.isLeaf()) {
                add(path + ".children", "一级指标组须含指标", null);
            }
            node(g, path);
            if (g.maxPoints() != null) {
                maxTotal = maxTotal.add(g.maxPoints());
            }
        }
        gradeBands(s.gradeBands(), maxTotal);
    }

    private void node(Node n, String path) {
        if (n.code() == null || !CODE.matcher(n.code()).matches()) {
            add(path + ".code", "必填：字母、数字、'.'、'_' 或 '-'，至多 64 个字符", n.code());
        } else if (!codes.add(n.code())) {
            add(path + ".code", "代码在指标体系内须唯一", n.code());
        }
        if (blank(n.name())) {
            add(path + ".name", "必填", n.name());
        }
        text(path + ".name", n.name(), true, 300);
        text(path + ".description", n.description(), false, 4000);
        text(path + ".unit", n.unit(), true, 32);
        if (n.maxPoints() == null || n.maxPoints().signum() <= 0) {
            add(path + ".maxPoints", "须为正数", n.maxPoints());
        }
        if (!n.isLeaf()) {
            if (n.formula() != null || n.rule() != null || n.judged()) {
                add(path, "指标组有下级，不能再有公式、计分规则或评分", null);
            }
            if (n.fromTargets() != null) {
                add(path + ".fromTargets", "指标组有下级，不能按绩效目标计分（请写在其下的指标上）", null);
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n.children().size(); i++) {
                Node c = n.children().get(i);
                String cp = path + ".children[" + i + "]";
                if (c == null) {
                    add(cp, "必填", null);
                    continue;
                }
                node(c, cp);
                if (c.maxPoints() != null) {
                    sum = sum.add(c.maxPoints());
                }
            }
            if (n.maxPoints() != null && sum.compareTo(n.maxPoints()) != 0) {
                add(path + ".maxPoints", "须等于其下级满分之和 " + sum.toPlainString(),
                        n.maxPoints().toPlainString());
            }
            return;
        }
        if (n.fromTargets() != null) {
            fromTargets(n, path);
            return;
        }
        if (n.judged()) {
            if (n.formula() != null || n.rule() != null) {
                add(path, "评分类指标不能有公式和计分规则", null);
            }
            return;
        }
        formula(n.formula(), path + ".formula");
        if (n.scale() != null && (n.scale() < 0 || n.scale() > 10)) {
            add(path + ".scale", "须在 0 到 10 之间", n.scale());
        }
        if (n.rule() == null) {
            add(path + ".rule", "计算类指标须有计分规则（或设 \"judged\": true，由评价人评分）", null);
        } else {
            rule(n.rule(), n.maxPoints(), path + ".rule");
            if (n.rule() instanceof Rule.Bands b && n.range() != null && b.bands() != null && !b.bands().isEmpty()
                    && b.bands().stream().allMatch(x -> x != null)) {
                coverage(b, n.range(), path);
            }
        }
    }

    /** Allowed values of {@code fromTargets.weights}. */
    static final List<String> WEIGHTS = List.of(IndicatorSystem.FromTargets.TARGET_TABLE, IndicatorSystem.FromTargets.EVEN);

    /** A leaf scored from targets: a category the targets have, a way to share the points, nothing else that scores. */
    private void fromTargets(Node n, String path) {
        IndicatorSystem.FromTargets f = n.fromTargets();
        String fp = path + ".fromTargets";
        if (n.judged() || n.formula() != null || n.rule() != null) {
            add(fp, "按绩效目标计分的指标不能同时有公式、计分规则或由评价人评分（judged）", null);
        }
        if (f.level1() == null || !cn.perfeval.events.BudgetUnitYearChanged.TARGET_LEVEL1.contains(f.level1())) {
            add(fp + ".level1", "必填：绩效目标的一级类别，须为 " + String.join("、",
                    cn.perfeval.events.BudgetUnitYearChanged.TARGET_LEVEL1) + " 之一", f.level1());
        }
        if (f.weights() == null || !WEIGHTS.contains(f.weights())) {
            add(fp + ".weights", "必填：targetTable（按目标表的权重折算）或 even（在各目标间平均分配）", f.weights());
        }
    }

    /** Longer formulas are refused before they are parsed: the longest shipped one has about 60 characters. */
    static final int MAX_FORMULA_LENGTH = 500;
    /** Deeper parentheses are refused before parsing, so that the recursive parser cannot exhaust the stack. */
    static final int MAX_FORMULA_NESTING = 16;
    /**
     * Besides ASCII letters and digits, the only characters a formula may contain: checked before
     * the parser sees it, so that string literals, structure and array access, {@code ${…}},
     * {@code #{…}}, quotes and statement separators never reach it.
     */
    static final String FORMULA_SYMBOLS = " _.+-*/()<>=!&|,";
    /** A number written in a formula (not the digits of a measure's name). */
    private static final java.util.regex.Pattern NUMBER_LITERAL =
            java.util.regex.Pattern.compile("(?<![A-Za-z_0-9.])(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    private void formula(String formula, String path) {
        if (blank(formula)) {
            add(path, "计算类指标必填", formula);
            return;
        }
        if (formula.length() > MAX_FORMULA_LENGTH) {
            add(path, "至多 " + MAX_FORMULA_LENGTH + " 个字符", formula.substring(0, 40) + "…");
            return;
        }
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            deepest = Math.max(deepest, depth);
        }
        if (deepest > MAX_FORMULA_NESTING) {
            add(path, "括号嵌套至多 " + MAX_FORMULA_NESTING + " 层", formula.substring(0, 40) + "…");
            return;
        }
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || FORMULA_SYMBOLS.indexOf(c) >= 0))) {
                add(path, "无法解析：公式只能含度量名、数字、空格、运算符 + - * / < > = ! & | 和函数 "
                        + String.join("、", Expressions.FUNCTIONS) + "（第 " + (i + 1) + " 个字符 '"
                        + (Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c)) + "' 不允许）", formula);
                return;
            }
        }
        java.util.regex.Matcher number = NUMBER_LITERAL.matcher(formula);
        while (number.find()) {
            // 1e10000 or 1e-10000 in a formula is a figure no score can hold, like one in a body (BoundedDecimals)
            String literal = number.group();
            String problem;
            int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
            try {
                problem = e >= 0 && Math.abs(Integer.parseInt(literal.substring(e + 1).replace("+", ""))) > 100
                        ? BoundedDecimals.ALLOWED
                        : BoundedDecimals.problem(new BigDecimal(literal));
            } catch (NumberFormatException tooLong) {
                problem = BoundedDecimals.ALLOWED;
            }
            if (problem != null) {
                add(path, "公式中的数 " + (literal.length() > 20 ? literal.substring(0, 20) + "…" : literal) + " 超出范围："
                        + BoundedDecimals.ALLOWED, formula);
                return;
            }
        }
        Expression e = Expressions.of(formula);
        Set<String> used;
        try {
            e.validate();
            used = e.getUsedVariables();
        } catch (ParseException ex) {
            add(path, "无法解析：只允许四则运算、比较、逻辑运算和函数 " + String.join("、", Expressions.FUNCTIONS)
                    + "，请检查括号、运算符和函数名的写法", formula);
            return;
        } catch (RuntimeException ex) {
            add(path, "无法解析：请检查括号、运算符和函数名的写法", formula);
            return;
        }
        boolean unknown = false;
        for (String v : used) {
            if (!measures.contains(v)) {
                add(path, "未知的度量 '" + v + "'；可用的度量见 GET /api/v1/measures", formula);
                unknown = true;
            }
        }
        if (!unknown && dividesByZeroAlways(formula, used)) {
            add(path, "无论数据如何都会除以零（除数为常数 0 或恒为 0 的表达式）", formula);
        }
    }

    /**
     * True when the formula divides by zero on two different sets of sample values, each measure
     * with its own value: then the divisor is zero whatever the data ({@code x / 0},
     * {@code x / (a - a)}), while {@code a / (b - c)} is accepted (zero only for some data, scored
     * NOT_COMPUTABLE then).
     */
    private static boolean dividesByZeroAlways(String formula, Set<String> used) {
        int zeroDivisions = 0;
        for (int sample = 0; sample < 2; sample++) {
            Map<String, Object> values = new java.util.HashMap<>();
            int i = 0;
            for (String v : new java.util.TreeSet<>(used)) {
                values.put(v, new BigDecimal(sample == 0 ? "1.37" : "2.91").add(BigDecimal.valueOf(++i * 0.73 + sample * 0.19)));
            }
            try {
                Expressions.of(formula).withValues(values).evaluate();
            } catch (com.ezylang.evalex.EvaluationException | ParseException | ArithmeticException ex) {
                if (Expressions.isDivisionByZero(ex)) {
                    zeroDivisions++;
                }
            }
        }
        return zeroDivisions == 2;
    }

    private void rule(Rule rule, BigDecimal maxPoints, String path) {
        if (rule instanceof Rule.Bands b) {
            bands(b, maxPoints, path);
        } else if (rule instanceof Rule.Deduction d) {
            if (d.threshold() == null) {
                add(path + ".threshold", "必填", null);
            }
            if (d.direction() == null) {
                add(path + ".direction", "必填：above（高于阈值扣分）或 below（低于阈值扣分）", null);
            }
            positive(d.perUnit(), path + ".perUnit");
            positive(d.points(), path + ".points");
            if (d.floor() != null && (d.floor().signum() < 0
                    || (maxPoints != null && d.floor().compareTo(maxPoints) > 0))) {
                add(path + ".floor", "须在 0 到该指标满分之间", d.floor().toPlainString());
            }
        } else if (rule instanceof Rule.Proportional p) {
            positive(p.reference(), path + ".reference");
        }
    }

    private void bands(Rule.Bands b, BigDecimal maxPoints, String path) {
        if (b.bands() == null || b.bands().isEmpty()) {
            add(path + ".bands", "至少要有一个计分区间", null);
            return;
        }
        for (int i = 0; i < b.bands().size(); i++) {
            Rule.Bands.Band band = b.bands().get(i);
            String bp = path + ".bands[" + i + "]";
            if (band == null) {
                add(bp, "必填", null);
                return;
            }
            if (band.points() == null || band.points().signum() < 0
                    || (maxPoints != null && band.points().compareTo(maxPoints) > 0)) {
                add(bp + ".points", "须在 0 到该指标满分之间", band.points());
            }
            if (empty(band.min(), band.minInclusive(), band.max(), band.maxInclusive())) {
                add(bp, "区间 " + band.describe() + " 为空", band.describe());
                return;
            }
            if (i > 0) {
                Rule.Bands.Band prev = b.bands().get(i - 1);
                String gap = joint(prev.max(), prev.maxInclusive(), band.min(), band.minInclusive());
                if (gap != null) {
                    add(bp + ".min", "与前一区间 " + prev.describe() + " " + gap + "（区间按从低到高排列，每个从前一个的终点开始，"
                            + "共同的端点恰属其中一个）",
                            band.describe());
                }
            }
        }
    }

    /** The first band reaches down to the declared minimum, the last up to the declared maximum. */
    private void coverage(Rule.Bands b, IndicatorSystem.ValueRange range, String path) {
        if (range.min() != null && range.max() != null && range.min().compareTo(range.max()) > 0) {
            add(path + ".range", "下限不能大于上限", null);
            return;
        }
        Rule.Bands.Band first = b.bands().get(0);
        Rule.Bands.Band last = b.bands().get(b.bands().size() - 1);
        boolean lowCovered = range.min() == null
                ? first.min() == null
                : first.min() == null || Range.contains(first.min(), first.minInclusive(), null, false, range.min());
        if (!lowCovered) {
            add(path + ".rule.bands[0].min", "计分区间须覆盖声明的取值范围，自 "
                    + (range.min() == null ? "−∞" : range.min().toPlainString()) + " 起", first.describe());
        }
        boolean highCovered = range.max() == null
                ? last.max() == null
                : last.max() == null || Range.contains(null, false, last.max(), last.maxInclusive(), range.max());
        if (!highCovered) {
            add(path + ".rule.bands[" + (b.bands().size() - 1) + "].max", "计分区间须覆盖声明的取值范围，至 "
                    + (range.max() == null ? "+∞" : range.max().toPlainString()) + " 止", last.describe());
        }
    }

    private void gradeBands(List<GradeBand> bands, BigDecimal maxTotal) {
        if (bands == null || bands.isEmpty()) {
            add("gradeBands", "至少要有一个等次", null);
            return;
        }
        List<Integer> order = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            GradeBand g = bands.get(i);
            String gp = "gradeBands[" + i + "]";
            if (g == null || blank(g.grade())) {
                add(gp + ".grade", "必填", null);
                return;
            }
            text(gp + ".grade", g.grade(), true, 16);
            if (!names.add(g.grade().strip())) {
                // two bands named 优 would make the grade of a total depend on the order of the bands
                add(gp + ".grade", "等次名称重复：每个等次只能出现一次", g.grade());
            }
            if (empty(g.min(), g.minInclusive(), g.max(), g.maxInclusive())) {
                add(gp, "区间 " + Range.describe(g.min(), g.minInclusive(), g.max(), g.maxInclusive()) + " 为空", g.grade());
                return;
            }
            order.add(i);
        }
        // grade bands may be listed in any order (best first is usual): check them lowest first
        order.sort(Comparator.comparing((Integer i) -> bands.get(i).min(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(i -> !bands.get(i).minInclusive()));
        for (int k = 1; k < order.size(); k++) {
            GradeBand prev = bands.get(order.get(k - 1));
            GradeBand g = bands.get(order.get(k));
            String gap = joint(prev.max(), prev.maxInclusive(), g.min(), g.minInclusive());
            if (gap != null) {
                add("gradeBands[" + order.get(k) + "].min", "与等次 " + prev.grade() + " "
                        + Range.describe(prev.min(), prev.minInclusive(), prev.max(), prev.maxInclusive()) + " " + gap, g.grade());
            }
        }
        GradeBand lowest = bands.get(order.get(0));
        GradeBand highest = bands.get(order.get(order.size() - 1));
        if (!lowest.contains(BigDecimal.ZERO) && !(lowest.min() != null && lowest.min().signum() < 0)) {
            add("gradeBands[" + order.get(0) + "].min", "等次标准须覆盖 0 分", lowest.grade());
        }
        if (!highest.contains(maxTotal) && !(highest.max() != null && highest.max().compareTo(maxTotal) > 0)) {
            add("gradeBands[" + order.get(order.size() - 1) + "].max", "等次标准须覆盖满分 "
                    + maxTotal.toPlainString(), highest.grade());
        }
    }

    /** Null when the two ranges meet exactly; otherwise "overlaps" or "leaves a gap after". */
    private static String joint(BigDecimal prevMax, boolean prevMaxInclusive, BigDecimal min, boolean minInclusive) {
        if (prevMax == null) {
            return "重叠";
        }
        if (min == null) {
            return "重叠";
        }
        int c = min.compareTo(prevMax);
        if (c < 0) {
            return "重叠";
        }
        if (c > 0) {
            return "之间有缺口";
        }
        if (prevMaxInclusive && minInclusive) {
            return "重叠（都包含 " + min.toPlainString() + "）";
        }
        if (!prevMaxInclusive && !minInclusive) {
            return "之间有缺口（都不包含 " + min.toPlainString() + "）";
        }
        return null;
    }

    private static boolean empty(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive) {
        if (min == null || max == null) {
            return false;
        }
        int c = min.compareTo(max);
        return c > 0 || (c == 0 && !(minInclusive && maxInclusive));
    }

    private void positive(BigDecimal v, String path) {
        if (v == null || v.signum() <= 0) {
            add(path, "须为正数", v == null ? null : v.toPlainString());
        }
    }

    /** Names and texts as {@link TextPolicy} allow them, and not longer than {@code max}. */
    private void text(String path, String value, boolean name, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            add(path, "至多 " + max + " 个字符", value.substring(0, 40) + "…");
            return;
        }
        String problem = name ? TextPolicy.nameProblem(value) : TextPolicy.freeTextProblem(value);
        if (problem != null) {
            add(path, problem, value);
        }
    }

    private void add(String field, String message, Object rejected) {
        // the problem body's "rejected" is text: a number is given as written
        out.add(new Violation(field, message, rejected instanceof BigDecimal d ? d.toPlainString()
                : rejected instanceof Number || rejected instanceof Boolean ? String.valueOf(rejected) : rejected));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
