package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** How a computed indicator's value becomes points. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Rule.Bands.class, name = "bands"),
        @JsonSubTypes.Type(value = Rule.Deduction.class, name = "deduction"),
        @JsonSubTypes.Type(value = Rule.Proportional.class, name = "proportional"),
        @JsonSubTypes.Type(value = Rule.PassFail.class, name = "passFail")
})
public sealed interface Rule {

    /**
     * The rule as the API documents it: one object whose {@code type} says which of the other
     * fields apply (the four records below, flattened).
     */
    @Schema(name = "Rule", description = "计分规则。type 为 bands（按区间给分）、deduction（超出阈值按每单位扣分）、"
            + "proportional（按比例给分）或 passFail（条件成立得满分），其余字段视 type 而定")
    final class Doc {
        @Schema(description = "规则类型", required = true, enumeration = {"bands", "deduction", "proportional", "passFail"})
        public String type;
        @Schema(description = "bands：各区间及其得分，按从低到高排列，无缺口、无重叠")
        public List<Bands.Band> bands;
        @Schema(description = "deduction：阈值（公式结果的单位）")
        public BigDecimal threshold;
        @Schema(description = "deduction：高于（above）或低于（below）阈值时扣分")
        public Deduction.Direction direction;
        @Schema(description = "deduction：每超出多少（公式结果的单位）扣一次分，不足一单位按一单位计")
        public BigDecimal perUnit;
        @Schema(description = "deduction：每次扣的分数（分）")
        public BigDecimal points;
        @Schema(description = "deduction：最低得分（分）；缺省为 0", nullable = true)
        public BigDecimal floor;
        @Schema(description = "proportional：得满分的参考值（公式结果的单位）；得分 = 满分 × 结果 / 参考值，不超过满分")
        public BigDecimal reference;

        private Doc() {
        }
    }

    /** The points for a value, with the sentence that says why. */
    record Outcome(BigDecimal points, String applied) {
    }

    Outcome apply(BigDecimal value, BigDecimal maxPoints);

    /** Value ranges with explicit bounds, each worth some points. */
    record Bands(List<Band> bands) implements Rule {

        @Schema(description = "一个计分区间")
        public record Band(@Schema(description = "下限（公式结果的单位）；null 为无下限", nullable = true) BigDecimal min,
                           @Schema(description = "是否含下限") boolean minInclusive,
                           @Schema(description = "上限（公式结果的单位）；null 为无上限", nullable = true) BigDecimal max,
                           @Schema(description = "是否含上限") boolean maxInclusive,
                           @Schema(description = "落在此区间的得分（分）") BigDecimal points) {
            public String describe() {
                return Range.describe(min, minInclusive, max, maxInclusive);
            }
        }

        @Override
        public Outcome apply(BigDecimal value, BigDecimal maxPoints) {
            for (Band b : bands) {
                if (Range.contains(b.min, b.minInclusive, b.max, b.maxInclusive, value)) {
                    return new Outcome(b.points, "在区间 " + b.describe() + " 内，得 " + b.points.toPlainString() + " 分");
                }
            }
            throw new IllegalStateException("no band covers " + value.toPlainString());
        }
    }

    /**
     * Full points up to a threshold; beyond it (above or below), {@code points} are deducted for
     * every {@code perUnit} started, down to {@code floor}.
     */
    record Deduction(BigDecimal threshold, Direction direction, BigDecimal perUnit, BigDecimal points,
                     BigDecimal floor) implements Rule {

        @Schema(description = "扣分方向：above 为高于阈值扣分，below 为低于阈值扣分")
        public enum Direction { above, below }

        @Override
        public Outcome apply(BigDecimal value, BigDecimal maxPoints) {
            BigDecimal excess = direction == Direction.above ? value.subtract(threshold) : threshold.subtract(value);
            String side = direction == Direction.above ? "高于" : "低于";
            if (excess.signum() <= 0) {
                return new Outcome(maxPoints, "未" + side + " " + threshold.toPlainString() + "，得满分 "
                        + maxPoints.toPlainString() + " 分");
            }
            BigDecimal units = excess.divide(perUnit, 0, RoundingMode.CEILING);
            BigDecimal lowest = floor == null ? BigDecimal.ZERO : floor;
            BigDecimal result = maxPoints.subtract(units.multiply(points)).max(lowest);
            return new Outcome(result, side + " " + threshold.toPlainString() + " " + excess.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                    + "，每 " + perUnit.toPlainString() + " 扣 " + points.toPlainString() + " 分，扣 "
                    + maxPoints.subtract(result).toPlainString() + " 分，得 " + result.toPlainString() + " 分");
        }
    }

    /** Points in proportion to the value: max × value / reference, capped at max, never below 0. */
    record Proportional(BigDecimal reference) implements Rule {

        @Override
        public Outcome apply(BigDecimal value, BigDecimal maxPoints) {
            BigDecimal p = maxPoints.multiply(value).divide(reference, 2, RoundingMode.HALF_UP)
                    .min(maxPoints).max(BigDecimal.ZERO).stripTrailingZeros();
            return new Outcome(p, "按比例计分：" + maxPoints.toPlainString() + " × " + value.stripTrailingZeros().toPlainString()
                    + " / " + reference.toPlainString() + "，得 " + p.toPlainString() + " 分");
        }
    }

    /** The formula is a condition: full points when it holds (value 1), none otherwise. */
    record PassFail() implements Rule {

        @Override
        public Outcome apply(BigDecimal value, BigDecimal maxPoints) {
            boolean pass = value.signum() != 0;
            return pass
                    ? new Outcome(maxPoints, "条件成立，得满分 " + maxPoints.toPlainString() + " 分")
                    : new Outcome(BigDecimal.ZERO, "条件不成立，得 0 分");
        }
    }
}
