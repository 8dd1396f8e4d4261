package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

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

    /** The points for a value, with the sentence that says why. */
    record Outcome(BigDecimal points, String applied) {
    }

    Outcome apply(BigDecimal value, BigDecimal maxPoints);

    /** Value ranges with explicit bounds, each worth some points. */
    record Bands(List<Band> bands) implements Rule {

        public record Band(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, BigDecimal points) {
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
