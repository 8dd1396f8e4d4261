package cn.perfeval.scoring.domain;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.BudgetUnitYearChanged.Target;
import cn.perfeval.events.BudgetUnitYearChanged.TargetProgress;
import cn.perfeval.scoring.domain.IndicatorSystem.FromTargets;
import cn.perfeval.scoring.domain.IndicatorSystem.Node;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import cn.perfeval.scoring.domain.ScoreResult.TargetResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores a {@code fromTargets} leaf: the unit-year's targets of one level-1 category, each by the
 * national rules (财预〔2020〕10号) at its latest actual, into the leaf's points.
 *
 * <p><b>Each target's share of the points.</b> {@code even}: the leaf's points divided by the number
 * of targets. {@code targetTable}: the leaf's points × the target's weight / the sum of the
 * category's weights, so that the weights add up to the leaf's points whatever they add up to in
 * the table. A target without a weight counts with the mean weight of the category's targets that
 * have one (it is neither dropped nor allowed to take everything); when no target of the category
 * has a weight, or the weights add up to 0, the points are shared evenly. Shares are exact
 * ({@link Scorer#MATH}); shown to two decimals.
 *
 * <p><b>A target's points</b> = its share × a ratio in [0, 1], shown rounded to two decimals (as the
 * proportional rule rounds points), never above the share, never negative. With target T and
 * actual A (the actual of its latest progress entry that has one):
 * <ul>
 * <li>越大越好: A ≥ T → 1; else A / T when T &gt; 0 (0 when A ≤ 0); a target of 0 or less not reached → 0.
 * A zero target is full for any A ≥ 0.</li>
 * <li>越小越好: A ≤ T → 1; else T / A when T &gt; 0; a zero target is full only for A ≤ 0 (0 otherwise);
 * a negative target exceeded → 0.</li>
 * <li>等于: A = T → 1; else 1 − |A − T| / |T|, at least 0 (the share of the points left after the
 * relative deviation); a zero target not met exactly → 0.</li>
 * <li>定性: the achievement's percent / 100 (达成 80–100, 部分达成 60–80, 未达成 0–60; budget-service
 * keeps the percent within its band), the band named in the explanation.</li>
 * </ul>
 * No division is ever by zero. A target without a usable actual (or a quantitative one without a
 * target value, or with an unknown direction) is MISSING_DATA.
 *
 * <p><b>The leaf</b> is the sum of its targets' points before rounding, rounded to two decimals (so
 * that targets all met give the full points even when an even share is 16.666…), at most its maximum. It is
 * SCORED when every target is scored; MISSING_DATA while any lacks its actual (the points are then
 * the sum of the targets scored, and the explanation names the others), or when the category has
 * no target at all (no points).
 */
public final class TargetScoring {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final String MORE = "越大越好";
    static final String LESS = "越小越好";
    static final String EQUAL = "等于";
    static final String QUALITATIVE = "定性";

    private TargetScoring() {
    }

    static IndicatorResult score(Node n, String group, List<Target> all) {
        FromTargets f = n.fromTargets();
        String level1 = f.level1();
        List<Target> targets = all == null ? List.of()
                : all.stream().filter(Objects::nonNull).filter(t -> level1.equals(t.level1())).toList();
        boolean even = FromTargets.EVEN.equals(f.weights());
        String rule = "按绩效目标完成情况计分：取" + level1 + "类绩效目标，分值"
                + (even ? "在各目标间平均分配" : "按目标表的权重折算（各目标权重之和折为本指标满分 " + plain(n.maxPoints()) + " 分）")
                + "；越大越好按 实际值/目标值、越小越好按 目标值/实际值、等于按偏离程度、定性按完成等级计分，各目标以其分值为上限";
        if (targets.isEmpty()) {
            return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), null, Status.MISSING_DATA, null, null,
                    null, null, null, rule, n.name() + "：未填报" + level1 + "类绩效目标，暂不能计分", null, List.of());
        }
        List<String> notes = new ArrayList<>();
        List<BigDecimal> shares = even ? evenShares(n.maxPoints(), targets.size())
                : tableShares(n.maxPoints(), targets, notes);
        List<TargetResult> results = new ArrayList<>();
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal shownSum = BigDecimal.ZERO;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Scored r = target(targets.get(i), shares.get(i));
            results.add(r.result());
            if (r.result().status() == Status.SCORED) {
                exact = exact.add(r.exact());
                shownSum = shownSum.add(r.result().points());
            } else {
                missing.add(r.result().name() == null ? r.result().code() : r.result().name());
            }
        }
        BigDecimal points = exact.setScale(2, RoundingMode.HALF_UP).min(n.maxPoints()).max(BigDecimal.ZERO)
                .stripTrailingZeros();
        StringBuilder e = new StringBuilder(n.name()).append("：").append(level1).append("类绩效目标 ")
                .append(targets.size()).append(" 个");
        notes.forEach(x -> e.append("；").append(x));
        String rounding = shownSum.compareTo(points) == 0 ? ""
                : "（各目标得分按未取舍的数值合计后保留两位小数，与各目标两位小数得分之和 " + plain(shownSum) + " 分略有差异）";
        if (missing.isEmpty()) {
            e.append("，各目标得分合计 ").append(plain(points)).append(" 分（满分 ").append(plain(n.maxPoints()))
                    .append(" 分）").append(rounding);
            return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), points, Status.SCORED, null, null,
                    null, null, null, rule, e.toString(), null, List.copyOf(results));
        }
        e.append("，其中 ").append(missing.size()).append(" 个缺少完成值（").append(String.join("、", missing))
                .append("），已计分的 ").append(targets.size() - missing.size()).append(" 个目标合计 ")
                .append(plain(points)).append(" 分（满分 ").append(plain(n.maxPoints()))
                .append(" 分）").append(rounding).append("；完成值补齐后方为本指标的得分");
        return new IndicatorResult(n.code(), n.name(), group, n.maxPoints(), points, Status.MISSING_DATA, null, null,
                null, null, null, rule, e.toString(), null, List.copyOf(results));
    }

    /** A target's result, with its points before they are rounded for display. */
    record Scored(TargetResult result, BigDecimal exact) {
    }

    static List<BigDecimal> evenShares(BigDecimal max, int count) {
        BigDecimal each = max.divide(BigDecimal.valueOf(count), Scorer.MATH);
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(each);
        }
        return out;
    }

    /** The shares by weight (see the class comment); {@code notes} gets what a reader should know. */
    static List<BigDecimal> tableShares(BigDecimal max, List<Target> targets, List<String> notes) {
        List<BigDecimal> given = targets.stream().map(Target::weight).filter(Objects::nonNull)
                .map(w -> w.max(BigDecimal.ZERO)).toList();
        BigDecimal givenSum = given.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (given.isEmpty() || givenSum.signum() == 0) {
            notes.add(given.isEmpty() ? "目标表未设权重，分值平均分配" : "目标表权重合计为 0，分值平均分配");
            return evenShares(max, targets.size());
        }
        BigDecimal mean = givenSum.divide(BigDecimal.valueOf(given.size()), Scorer.MATH);
        List<BigDecimal> weights = new ArrayList<>();
        List<String> unweighted = new ArrayList<>();
        for (Target t : targets) {
            if (t.weight() == null) {
                weights.add(mean);
                unweighted.add(t.name());
            } else {
                weights.add(t.weight().max(BigDecimal.ZERO));
            }
        }
        if (!unweighted.isEmpty()) {
            notes.add(String.join("、", unweighted) + " 未设权重，按本类已设权重的平均值 "
                    + plain(mean.setScale(2, RoundingMode.HALF_UP)) + " 计");
        }
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(max) != 0) {
            notes.add("权重合计 " + plain(sum.setScale(2, RoundingMode.HALF_UP)) + "，按比例折为 " + plain(max) + " 分");
        }
        return weights.stream().map(w -> max.multiply(w, Scorer.MATH).divide(sum, Scorer.MATH)).toList();
    }

    /** How one target is scored, by its direction. */
    record Ratio(BigDecimal ratio, String outcome) {
    }

    static Scored target(Target t, BigDecimal share) {
        BigDecimal shown = share.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        String direction = t.direction();
        String name = t.name() == null ? t.code() : t.name();
        String head = name + "：";
        if (!BudgetUnitYearChanged.DIRECTIONS.contains(direction)) {
            return missing(t, shown, null, null, head + "指标方向未填报或不是越大越好、越小越好、等于、定性之一，暂不能计分");
        }
        String rule = rule(direction, t.targetValue());
        if (QUALITATIVE.equals(direction)) {
            TargetProgress p = latest(t, x -> x.achievement() != null && x.achievementPercent() != null);
            String goal = t.targetText() == null ? "" : "目标：" + t.targetText() + "（定性）；";
            if (p == null || !BudgetUnitYearChanged.ACHIEVEMENTS.contains(p.achievement())) {
                return missing(t, shown, p, rule, head + goal + "未填报完成等级和完成比例，暂不能计分");
            }
            BigDecimal percent = p.achievementPercent().max(BigDecimal.ZERO).min(HUNDRED);
            BigDecimal exact = share.multiply(percent, Scorer.MATH).divide(HUNDRED, Scorer.MATH);
            BigDecimal points = round(exact, share);
            String text = head + goal + "完成情况" + (p.actualText() == null ? "" : "：" + p.actualText()) + asOf(p)
                    + "，评定为" + p.achievement() + "（" + band(p.achievement()) + "），按 " + plain(percent)
                    + "% × 分值 " + plain(shown) + " 分计 " + plain(points) + " 分";
            return new Scored(new TargetResult(t.code(), t.name(), t.level2(), direction, t.unitOfMeasure(),
                    t.targetValue(), t.targetText(), null, p.actualText(), p.achievement(), p.achievementPercent(),
                    p.month(), shown, points, Status.SCORED, rule, text), exact);
        }
        if (t.targetValue() == null) {
            return missing(t, shown, null, rule, head + "未填报目标值，暂不能计分");
        }
        String target = "目标值 " + amount(t.targetValue(), t.unitOfMeasure()) + "（" + direction + "）";
        TargetProgress p = latest(t, x -> x.actualValue() != null);
        if (p == null) {
            return missing(t, shown, null, rule, head + target + "，未填报完成值，暂不能计分");
        }
        Ratio r = ratio(direction, t.targetValue(), p.actualValue());
        BigDecimal exact = share.multiply(r.ratio(), Scorer.MATH);
        BigDecimal points = round(exact, share);
        String text = head + target + "，实际完成 " + amount(p.actualValue(), t.unitOfMeasure()) + asOf(p) + "，"
                + r.outcome().replace("{p}", plain(points)).replace("{max}", plain(shown));
        return new Scored(new TargetResult(t.code(), t.name(), t.level2(), direction, t.unitOfMeasure(),
                t.targetValue(), t.targetText(), p.actualValue(), p.actualText(), null, null, p.month(), shown, points,
                Status.SCORED, rule, text), exact);
    }

    /**
     * The ratio of the share a quantitative target earns, in [0, 1], and the sentence saying why
     * ({p}: the points, {max}: the share, filled in by the caller).
     */
    static Ratio ratio(String direction, BigDecimal target, BigDecimal actual) {
        int c = actual.compareTo(target);
        switch (direction) {
            case MORE -> {
                if (c >= 0) {
                    return full(c == 0 ? "达到目标" : "超过目标");
                }
                if (target.signum() <= 0) {
                    return new Ratio(BigDecimal.ZERO, "未达目标，目标值不大于 0，不能按比例计分，计 0 分（分值 {max} 分）");
                }
                if (actual.signum() <= 0) {
                    return new Ratio(BigDecimal.ZERO, "未达目标，实际值不大于 0，计 0 分（分值 {max} 分）");
                }
                return new Ratio(actual.divide(target, Scorer.MATH), "未达目标，按实际/目标 × 分值计 {p} 分（分值 {max} 分）");
            }
            case LESS -> {
                if (c <= 0) {
                    return full(c == 0 ? "达到目标" : "优于目标（低于目标值）");
                }
                if (target.signum() == 0) {
                    return new Ratio(BigDecimal.ZERO, "未达目标，目标值为 0 而实际值大于 0，计 0 分（分值 {max} 分）");
                }
                if (target.signum() < 0) {
                    return new Ratio(BigDecimal.ZERO, "未达目标，目标值小于 0，不能按比例计分，计 0 分（分值 {max} 分）");
                }
                return new Ratio(target.divide(actual, Scorer.MATH), "未达目标（高于目标值），按目标/实际 × 分值计 {p} 分（分值 {max} 分）");
            }
            case EQUAL -> {
                if (c == 0) {
                    return full("等于目标值");
                }
                if (target.signum() == 0) {
                    return new Ratio(BigDecimal.ZERO, "不等于目标值 0，不能按偏离程度计分，计 0 分（分值 {max} 分）");
                }
                BigDecimal deviation = actual.subtract(target).abs().divide(target.abs(), Scorer.MATH);
                BigDecimal ratio = BigDecimal.ONE.subtract(deviation).max(BigDecimal.ZERO);
                return new Ratio(ratio, "偏离目标值 " + plain(deviation.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP))
                        + "%，按 (1 − |实际 − 目标| / |目标|) × 分值计 {p} 分（分值 {max} 分）");
            }
            default -> throw new IllegalArgumentException("not a quantitative direction: " + direction);
        }
    }

    private static Ratio full(String outcome) {
        return new Ratio(BigDecimal.ONE, outcome + "，得满分 {max} 分");
    }

    /** The rule of a direction, in the reader's words. */
    static String rule(String direction, BigDecimal target) {
        boolean zero = target != null && target.signum() == 0;
        return switch (direction) {
            case MORE -> "越大越好：实际值达到目标值得满分，否则按 实际值/目标值 × 分值 计分"
                    + (zero ? "；目标值为 0，实际值不小于 0 即得满分" : "");
            case LESS -> "越小越好：实际值不高于目标值得满分，否则按 目标值/实际值 × 分值 计分"
                    + (zero ? "；目标值为 0，实际值为 0 得满分，否则 0 分" : "");
            case EQUAL -> "等于：实际值等于目标值得满分，否则按 (1 − |实际值 − 目标值| / |目标值|) × 分值 计分，最低 0 分"
                    + (zero ? "；目标值为 0，不等于 0 即 0 分" : "");
            default -> "定性：按完成等级计分，达成得分值的 80%–100%，部分达成 60%–80%，未达成 0–60%，按评定的完成比例计";
        };
    }

    static String band(String achievement) {
        return switch (achievement) {
            case "达成" -> "80%–100%";
            case "部分达成" -> "60%–80%";
            default -> "0–60%";
        };
    }

    private static Scored missing(Target t, BigDecimal shown, TargetProgress p, String rule, String text) {
        return new Scored(new TargetResult(t.code(), t.name(), t.level2(), t.direction(), t.unitOfMeasure(),
                t.targetValue(), t.targetText(), null, p == null ? null : p.actualText(), null, null, null, shown, null,
                Status.MISSING_DATA, rule, text), null);
    }

    /** The latest progress entry (by month, the last recorded of a month) that has what the target needs. */
    private static TargetProgress latest(Target t, java.util.function.Predicate<TargetProgress> usable) {
        if (t.progress() == null) {
            return null;
        }
        TargetProgress best = null;
        for (TargetProgress p : t.progress()) {
            if (p != null && usable.test(p) && (best == null || p.month() >= best.month())) {
                best = p;
            }
        }
        return best;
    }

    private static String asOf(TargetProgress p) {
        return p.month() >= 12 ? "" : "（截至 " + p.month() + " 月）";
    }

    /** Two decimals, half up, within [0, the share as shown]. */
    private static BigDecimal round(BigDecimal exact, BigDecimal share) {
        return exact.setScale(2, RoundingMode.HALF_UP).max(BigDecimal.ZERO)
                .min(share.setScale(2, RoundingMode.HALF_UP)).stripTrailingZeros();
    }

    static String amount(BigDecimal v, String unit) {
        return plain(v) + (unit == null || unit.isBlank() ? "" : " " + unit);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
