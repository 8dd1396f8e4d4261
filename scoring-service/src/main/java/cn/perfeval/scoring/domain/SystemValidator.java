package cn.perfeval.scoring.domain;

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
            add("code", "required: letters, digits, '.', '_' or '-', at most 64", s.code());
        }
        if (blank(s.name())) {
            add("name", "required", s.name());
        }
        text("name", s.name(), true, 300);
        text("description", s.description(), false, 4000);
        if (s.groups() == null || s.groups().isEmpty()) {
            add("groups", "at least one group is required", null);
            return;
        }
        BigDecimal maxTotal = BigDecimal.ZERO;
        for (int i = 0; i < s.groups().size(); i++) {
            Node g = s.groups().get(i);
            String path = "groups[" + i + "]";
            if (g == null) {
                add(path, "required", null);
                continue;
            }
            if (g.isLeaf()) {
                add(path + ".children", "a first-level group needs indicators", null);
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
            add(path + ".code", "required: letters, digits, '.', '_' or '-', at most 64", n.code());
        } else if (!codes.add(n.code())) {
            add(path + ".code", "codes must be unique in the system", n.code());
        }
        if (blank(n.name())) {
            add(path + ".name", "required", n.name());
        }
        text(path + ".name", n.name(), true, 300);
        text(path + ".description", n.description(), false, 4000);
        text(path + ".unit", n.unit(), true, 32);
        if (n.maxPoints() == null || n.maxPoints().signum() <= 0) {
            add(path + ".maxPoints", "must be a positive number", n.maxPoints());
        }
        if (!n.isLeaf()) {
            if (n.formula() != null || n.rule() != null || n.judged()) {
                add(path, "a group has children and no formula, rule or judgement", null);
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n.children().size(); i++) {
                Node c = n.children().get(i);
                String cp = path + ".children[" + i + "]";
                if (c == null) {
                    add(cp, "required", null);
                    continue;
                }
                node(c, cp);
                if (c.maxPoints() != null) {
                    sum = sum.add(c.maxPoints());
                }
            }
            if (n.maxPoints() != null && sum.compareTo(n.maxPoints()) != 0) {
                add(path + ".maxPoints", "must equal the sum of its children's maxima, " + sum.toPlainString(),
                        n.maxPoints().toPlainString());
            }
            return;
        }
        if (n.judged()) {
            if (n.formula() != null || n.rule() != null) {
                add(path, "a judged indicator has no formula and no rule", null);
            }
            return;
        }
        formula(n.formula(), path + ".formula");
        if (n.scale() != null && (n.scale() < 0 || n.scale() > 10)) {
            add(path + ".scale", "must be between 0 and 10", n.scale());
        }
        if (n.rule() == null) {
            add(path + ".rule", "a computed indicator needs a rule (or \"judged\": true)", null);
        } else {
            rule(n.rule(), n.maxPoints(), path + ".rule");
            if (n.rule() instanceof Rule.Bands b && n.range() != null && b.bands() != null && !b.bands().isEmpty()
                    && b.bands().stream().allMatch(x -> x != null)) {
                coverage(b, n.range(), path);
            }
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

    private void formula(String formula, String path) {
        if (blank(formula)) {
            add(path, "required for a computed indicator", formula);
            return;
        }
        if (formula.length() > MAX_FORMULA_LENGTH) {
            add(path, "at most " + MAX_FORMULA_LENGTH + " characters", formula.substring(0, 40) + "…");
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
            add(path, "parentheses nested at most " + MAX_FORMULA_NESTING + " deep", formula.substring(0, 40) + "…");
            return;
        }
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || FORMULA_SYMBOLS.indexOf(c) >= 0))) {
                add(path, "does not parse: a formula may only contain measure names, numbers, spaces, the operators + - * / < > = ! & | "
                        + "and the functions " + String.join(", ", Expressions.FUNCTIONS) + " (character '"
                        + (Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c)) + "' at "
                        + i + ")", formula);
                return;
            }
        }
        Expression e = Expressions.of(formula);
        Set<String> used;
        try {
            e.validate();
            used = e.getUsedVariables();
        } catch (ParseException ex) {
            add(path, "does not parse: " + ex.getMessage() + " (only arithmetic, comparisons and the functions "
                    + String.join(", ", Expressions.FUNCTIONS) + " are allowed)", formula);
            return;
        } catch (RuntimeException ex) {
            add(path, "does not parse: " + ex.getMessage(), formula);
            return;
        }
        boolean unknown = false;
        for (String v : used) {
            if (!measures.contains(v)) {
                add(path, "unknown measure '" + v + "'; the known measures are listed by GET /api/measures", formula);
                unknown = true;
            }
        }
        if (!unknown && dividesByZeroAlways(formula, used)) {
            add(path, "divides by zero whatever the data (a division by a constant zero or by an expression that is "
                    + "always zero)", formula);
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
                add(path + ".threshold", "required", null);
            }
            if (d.direction() == null) {
                add(path + ".direction", "required: above or below", null);
            }
            positive(d.perUnit(), path + ".perUnit");
            positive(d.points(), path + ".points");
            if (d.floor() != null && (d.floor().signum() < 0
                    || (maxPoints != null && d.floor().compareTo(maxPoints) > 0))) {
                add(path + ".floor", "must be between 0 and the indicator's maximum", d.floor().toPlainString());
            }
        } else if (rule instanceof Rule.Proportional p) {
            positive(p.reference(), path + ".reference");
        }
    }

    private void bands(Rule.Bands b, BigDecimal maxPoints, String path) {
        if (b.bands() == null || b.bands().isEmpty()) {
            add(path + ".bands", "at least one band is required", null);
            return;
        }
        for (int i = 0; i < b.bands().size(); i++) {
            Rule.Bands.Band band = b.bands().get(i);
            String bp = path + ".bands[" + i + "]";
            if (band == null) {
                add(bp, "required", null);
                return;
            }
            if (band.points() == null || band.points().signum() < 0
                    || (maxPoints != null && band.points().compareTo(maxPoints) > 0)) {
                add(bp + ".points", "must be between 0 and the indicator's maximum", band.points());
            }
            if (empty(band.min(), band.minInclusive(), band.max(), band.maxInclusive())) {
                add(bp, "empty range " + band.describe(), band.describe());
                return;
            }
            if (i > 0) {
                Rule.Bands.Band prev = b.bands().get(i - 1);
                String gap = joint(prev.max(), prev.maxInclusive(), band.min(), band.minInclusive());
                if (gap != null) {
                    add(bp + ".min", gap + " the previous band " + prev.describe() + " (bands are in ascending order, "
                            + "each starting where the previous ends, the shared bound in exactly one of them)",
                            band.describe());
                }
            }
        }
    }

    /** The first band reaches down to the declared minimum, the last up to the declared maximum. */
    private void coverage(Rule.Bands b, IndicatorSystem.ValueRange range, String path) {
        if (range.min() != null && range.max() != null && range.min().compareTo(range.max()) > 0) {
            add(path + ".range", "min must not exceed max", null);
            return;
        }
        Rule.Bands.Band first = b.bands().get(0);
        Rule.Bands.Band last = b.bands().get(b.bands().size() - 1);
        boolean lowCovered = range.min() == null
                ? first.min() == null
                : first.min() == null || Range.contains(first.min(), first.minInclusive(), null, false, range.min());
        if (!lowCovered) {
            add(path + ".rule.bands[0].min", "the bands must cover the declared range from "
                    + (range.min() == null ? "−∞" : range.min().toPlainString()), first.describe());
        }
        boolean highCovered = range.max() == null
                ? last.max() == null
                : last.max() == null || Range.contains(null, false, last.max(), last.maxInclusive(), range.max());
        if (!highCovered) {
            add(path + ".rule.bands[" + (b.bands().size() - 1) + "].max", "the bands must cover the declared range up to "
                    + (range.max() == null ? "+∞" : range.max().toPlainString()), last.describe());
        }
    }

    private void gradeBands(List<GradeBand> bands, BigDecimal maxTotal) {
        if (bands == null || bands.isEmpty()) {
            add("gradeBands", "at least one grade band is required", null);
            return;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            GradeBand g = bands.get(i);
            String gp = "gradeBands[" + i + "]";
            if (g == null || blank(g.grade())) {
                add(gp + ".grade", "required", null);
                return;
            }
            text(gp + ".grade", g.grade(), true, 16);
            if (empty(g.min(), g.minInclusive(), g.max(), g.maxInclusive())) {
                add(gp, "empty range " + Range.describe(g.min(), g.minInclusive(), g.max(), g.maxInclusive()), g.grade());
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
                add("gradeBands[" + order.get(k) + "].min", gap + " grade band " + prev.grade() + " "
                        + Range.describe(prev.min(), prev.minInclusive(), prev.max(), prev.maxInclusive()), g.grade());
            }
        }
        GradeBand lowest = bands.get(order.get(0));
        GradeBand highest = bands.get(order.get(order.size() - 1));
        if (!lowest.contains(BigDecimal.ZERO) && !(lowest.min() != null && lowest.min().signum() < 0)) {
            add("gradeBands[" + order.get(0) + "].min", "grade bands must cover 0", lowest.grade());
        }
        if (!highest.contains(maxTotal) && !(highest.max() != null && highest.max().compareTo(maxTotal) > 0)) {
            add("gradeBands[" + order.get(order.size() - 1) + "].max", "grade bands must cover the maximum total "
                    + maxTotal.toPlainString(), highest.grade());
        }
    }

    /** Null when the two ranges meet exactly; otherwise "overlaps" or "leaves a gap after". */
    private static String joint(BigDecimal prevMax, boolean prevMaxInclusive, BigDecimal min, boolean minInclusive) {
        if (prevMax == null) {
            return "overlaps";
        }
        if (min == null) {
            return "overlaps";
        }
        int c = min.compareTo(prevMax);
        if (c < 0) {
            return "overlaps";
        }
        if (c > 0) {
            return "leaves a gap after";
        }
        if (prevMaxInclusive && minInclusive) {
            return "overlaps (both include " + min.toPlainString() + ")";
        }
        if (!prevMaxInclusive && !minInclusive) {
            return "leaves a gap (neither includes " + min.toPlainString() + ") after";
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
            add(path, "must be a positive number", v == null ? null : v.toPlainString());
        }
    }

    /** Names and texts as {@link TextPolicy} allow them, and not longer than {@code max}. */
    private void text(String path, String value, boolean name, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            add(path, "at most " + max + " characters", value.substring(0, 40) + "…");
            return;
        }
        String problem = name ? TextPolicy.nameProblem(value) : TextPolicy.freeTextProblem(value);
        if (problem != null) {
            add(path, problem, value);
        }
    }

    private void add(String field, String message, Object rejected) {
        out.add(new Violation(field, message, rejected instanceof BigDecimal d ? d.toPlainString() : rejected));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
