package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator system as data: a tree of groups whose leaves are indicators, each computed from
 * a formula over the named measures of budget-service or judged by an evaluator, plus the grade
 * bands that turn a total into a grade.
 */
@Schema(description = "指标体系：一棵指标组的树，叶子为指标（按公式计算或由评价人评分），以及由总分得出等次的等次标准")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorSystem(@Schema(description = "指标体系代码（字母、数字和连字符，至多 64 字符）") String code,
                              @Schema(description = "版本号，由服务编号（新建为 1，每新增一版加 1）；提交时省略") int version,
                              @Schema(description = "指标体系名称") String name,
                              @Schema(description = "说明") String description,
                              @Schema(description = "等次标准：各等次的总分区间，恰好覆盖 0 到满分") List<GradeBand> gradeBands,
                              @Schema(description = "一级指标组") List<Node> groups) {

    /** A group (children, no formula) or a leaf indicator (formula and rule, judged, or from the unit's targets). */
    @Schema(description = "指标组（含下级，无公式）或指标（有公式和计分规则，或由评价人评分，或按单位的绩效目标完成情况计分）")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(@Schema(description = "指标组或指标的代码（如 A、A1），在指标体系内唯一") String code,
                       @Schema(description = "名称") String name,
                       @Schema(description = "满分（分）；指标组的满分等于其下级满分之和") BigDecimal maxPoints,
                       @Schema(description = "说明") String description,
                       @Schema(description = "下级指标组或指标；指标没有下级") List<Node> children,
                       @Schema(description = "计算公式，用度量名和 + - * /、比较、&& || !、ABS MIN MAX ROUND IF 写成（如 totalActual / adjustedBudget * 100）") String formula,
                       @Schema(description = "公式结果的计量单位（如 %）") String unit,
                       @Schema(description = "公式结果显示的小数位数", minimum = "0", maximum = "10") Integer scale,
                       @Schema(implementation = Rule.Doc.class, description = "计分规则：公式结果如何折算为得分") Rule rule,
                       @Schema(description = "是否由评价人评分（而非按公式计算）") boolean judged,
                       @Schema(description = "公式结果可能的取值范围；给出时计分区间须覆盖整个范围") ValueRange range,
                       @Schema(description = "按单位绩效目标完成情况计分（与公式、计分规则和评价人评分三者互斥）")
                       FromTargets fromTargets) {

        /** A leaf or group without {@code fromTargets}. */
        public Node(String code, String name, BigDecimal maxPoints, String description, List<Node> children,
                    String formula, String unit, Integer scale, Rule rule, boolean judged, ValueRange range) {
            this(code, name, maxPoints, description, children, formula, unit, scale, rule, judged, range, null);
        }

        @JsonIgnore
        public boolean isLeaf() {
            return children == null || children.isEmpty();
        }
    }

    /**
     * A leaf scored from the unit-year's performance targets of one level-1 category by the national
     * rules ({@link TargetScoring}): {@code level1} 产出, 效益 or 满意度; {@code weights} how the leaf's
     * points are shared among the targets: {@code targetTable} in proportion to the weights of the
     * target table, {@code even} in equal parts.
     */
    @Schema(description = "按绩效目标计分：取单位该年度某一级类别的全部绩效目标，按国家规则逐个计分后合计")
    public record FromTargets(@Schema(description = "绩效目标的一级类别", enumeration = {"产出", "效益", "满意度"},
                                      required = true) String level1,
                              @Schema(description = "指标分值在各目标间的分配：targetTable 按目标表的权重折算（各目标权重之和折为本指标满分），"
                                      + "even 平均分配", enumeration = {"targetTable", "even"}, required = true) String weights) {

        public static final String TARGET_TABLE = "targetTable";
        public static final String EVEN = "even";
    }

    /**
     * The values a computed indicator's formula can produce, as the system declares them (both
     * bounds inclusive; null is unbounded): its bands must cover the whole range.
     */
    @Schema(description = "公式结果的取值范围（两端均含；null 为无界）")
    public record ValueRange(@Schema(description = "下限；null 为无下限", nullable = true) BigDecimal min,
                             @Schema(description = "上限；null 为无上限", nullable = true) BigDecimal max) {
    }

    /** A grade for totals in a range; a null bound is open-ended. */
    @Schema(description = "一个等次的总分区间")
    public record GradeBand(@Schema(description = "等次（如 优、良、中、差）") String grade,
                            @Schema(description = "总分下限（分）；null 为无下限", nullable = true) BigDecimal min,
                            @Schema(description = "是否含下限") boolean minInclusive,
                            @Schema(description = "总分上限（分）；null 为无上限", nullable = true) BigDecimal max,
                            @Schema(description = "是否含上限") boolean maxInclusive) {

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
