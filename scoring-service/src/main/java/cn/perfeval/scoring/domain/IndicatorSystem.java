package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator system as data: a tree of groups whose leaves are indicators, each computed from
 * a formula over the named measures of budget-service or judged by an evaluator, plus the grade
 * bands that turn a total into a grade.
 */
public record IndicatorSystem(String code, int version, String name, String description,
                              List<GradeBand> gradeBands, List<Node> groups) {

    /** A group (children, no formula) or a leaf indicator (formula and rule, or judged). */
    public record Node(String code, String name, BigDecimal maxPoints, String description,
                       List<Node> children, String formula, String unit, Integer scale, Rule rule,
                       boolean judged, ValueRange range) {

        @JsonIgnore
        public boolean isLeaf() {
            return children == null || children.isEmpty();
        }
    }

    /**
     * The values a computed indicator's formula can produce, as the system declares them (both
     * bounds inclusive; null is unbounded): its bands must cover the whole range.
     */
    public record ValueRange(BigDecimal min, BigDecimal max) {
    }

    /** A grade for totals in a range; a null bound is open-ended. */
    public record GradeBand(String grade, BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive) {

        public boolean contains(BigDecimal value) {
            return Range.contains(min, minInclusive, max, maxInclusive, value);
        }
    }

    /** Every leaf, depth first, in the order of the document. */
    public List<Node> leaves() {
        List<Node> out = new ArrayList<>();
        groups.forEach(g -> collectLeaves(g, out));
        return out;
    }

    private static void collectLeaves(Node n, List<Node> out) {
        if (n.isLeaf()) {
            out.add(n);
        } else {
            n.children().forEach(c -> collectLeaves(c, out));
        }
    }

    /** The whole system with another version number. */
    public IndicatorSystem withVersion(int newVersion) {
        return new IndicatorSystem(code, newVersion, name, description, gradeBands, groups);
    }

    /** The leaf of this code, if any. */
    public java.util.Optional<Node> leaf(String leafCode) {
        return leaves().stream().filter(l -> l.code().equals(leafCode)).findFirst();
    }

    public String gradeOf(BigDecimal total) {
        return gradeBands.stream().filter(b -> b.contains(total)).map(GradeBand::grade).findFirst().orElse(null);
    }
}
