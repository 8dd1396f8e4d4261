package cn.perfeval.scoring.domain;

import java.math.BigDecimal;

/** Interval arithmetic with explicit open or closed bounds; a null bound is infinite. */
public final class Range {

    private Range() {
    }

    public static boolean contains(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive,
                                   BigDecimal value) {
        if (min != null) {
            int c = value.compareTo(min);
            if (c < 0 || (c == 0 && !minInclusive)) {
                return false;
            }
        }
        if (max != null) {
            int c = value.compareTo(max);
            return c < 0 || (c == 0 && maxInclusive);
        }
        return true;
    }

    /** "(100, 110]", "[0, 0]", "(140, +∞)". */
    public static String describe(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive) {
        return (min == null ? "(−∞" : (minInclusive ? "[" : "(") + min.toPlainString()) + ", "
                + (max == null ? "+∞)" : max.toPlainString() + (maxInclusive ? "]" : ")"));
    }
}
