package cn.perfeval.scoring.domain;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.BudgetUnitYearChanged.Target;
import cn.perfeval.events.BudgetUnitYearChanged.TargetProgress;
import cn.perfeval.scoring.domain.IndicatorSystem.FromTargets;
import cn.perfeval.scoring.domain.IndicatorSystem.GradeBand;
import cn.perfeval.scoring.domain.IndicatorSystem.Node;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import cn.perfeval.scoring.domain.ScoreResult.TargetResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fromTargets} indicator kind: each target by the national rules (both directions,
 * reached / exceeded / missed, zero targets, 等于, the qualitative bands), a target without an actual,
 * no target of the category, the points shared by the target table's weights or evenly, and the
 * bounds (never above a target's points, never negative).
 */
class TargetScoringTest {

    static Target quantitative(String code, String name, String unit, String target, String direction, String weight,
                               String... actuals) {
        List<TargetProgress> progress = new ArrayList<>();
        for (int i = 0; i < actuals.length; i++) {
            progress.add(new TargetProgress(actuals.length == 1 ? 12 : 7 + 5 * i, new BigDecimal(actuals[i]), null, null,
                    null, null, "填报人", null));
        }
        return new Target(code, "产出", "数量", name, unit, target == null ? null : new BigDecimal(target), null, direction,
                weight == null ? null : new BigDecimal(weight), progress);
    }

    static Target qualitative(String code, String level1, String weight, String achievement, String percent) {
        List<TargetProgress> progress = achievement == null ? List.of()
                : List.of(new TargetProgress(12, null, "按计划推进", achievement, new BigDecimal(percent), null, "填报人", null));
        return new Target(code, level1, "社会效益", "定性目标" + code, null, null, "机制有效运行", "定性",
                weight == null ? null : new BigDecimal(weight), progress);
    }

    static Node leaf(String level1, String weights, String max) {
        return new Node("Y1", level1 + "指标", new BigDecimal(max), null, null, null, null, null, null, false, null,
                new FromTargets(level1, weights));
    }

    static IndicatorSystem system(Node leaf) {
        return new IndicatorSystem("t", 1, "测试", null,
                List.of(new GradeBand("优", BigDecimal.ZERO, true, null, false)),
                List.of(new Node("Y", "产出", leaf.maxPoints(), null, List.of(leaf), null, null, null, null, false, null)));
    }

    static IndicatorResult score(Node leaf, Target... targets) {
        return Scorer.score(system(leaf), Map.of(), Map.of(), Arrays.asList(targets)).indicators().get(0);
    }

    /** One target worth {@code points}, scored alone. */
    static TargetResult one(String points, Target t) {
        return score(leaf(t.level1(), "even", points), t).targets().get(0);
    }

    @Test
    void largerIsBetterMissedIsProportionalReachedAndExceededAreFull() {
        Target t = quantitative("CC-01", "城乡居民医疗保险参保人数", "人", "42906", "越大越好", "7", "41851");
        TargetResult missed = one("7", t);
        // 7 × 41851 / 42906 = 6.82789...
        assertThat(missed.points()).isEqualByComparingTo("6.83");
        assertThat(missed.status()).isEqualTo(Status.SCORED);
        assertThat(missed.explanation()).isEqualTo("城乡居民医疗保险参保人数：目标值 42906 人（越大越好），实际完成 41851 人，"
                + "未达目标，按实际/目标 × 分值计 6.83 分（分值 7 分）");
        assertThat(missed.rule()).startsWith("越大越好：实际值达到目标值得满分");
        assertThat(one("7", quantitative("a", "参保", "人", "42906", "越大越好", null, "42906")))
                .satisfies(r -> assertThat(r.points()).isEqualByComparingTo("7"))
                .satisfies(r -> assertThat(r.explanation()).contains("达到目标，得满分 7 分"));
        assertThat(one("7", quantitative("a", "参保", "人", "42906", "越大越好", null, "50000")))
                .satisfies(r -> assertThat(r.points()).isEqualByComparingTo("7"))
                .satisfies(r -> assertThat(r.explanation()).contains("超过目标，得满分 7 分"));
        assertThat(one("7", quantitative("a", "参保", "人", "42906", "越大越好", null, "-3")).points()).isEqualByComparingTo("0");
    }

    @Test
    void smallerIsBetterMissedIsTargetOverActual() {
        TargetResult missed = one("5", quantitative("CC-09", "“三公”经费支出", "万元", "12", "越小越好", null, "15"));
        // 5 × 12 / 15 = 4
        assertThat(missed.points()).isEqualByComparingTo("4");
        assertThat(missed.explanation()).isEqualTo("“三公”经费支出：目标值 12 万元（越小越好），实际完成 15 万元，"
                + "未达目标（高于目标值），按目标/实际 × 分值计 4 分（分值 5 分）");
        assertThat(one("5", quantitative("a", "经费", "万元", "12", "越小越好", null, "10")))
                .satisfies(r -> assertThat(r.points()).isEqualByComparingTo("5"))
                .satisfies(r -> assertThat(r.explanation()).contains("优于目标（低于目标值），得满分 5 分"));
        assertThat(one("5", quantitative("a", "经费", "万元", "12", "越小越好", null, "12")).explanation())
                .contains("达到目标，得满分 5 分");
        // 5 × 12 / 37 = 1.6216... → 1.62
        assertThat(one("5", quantitative("a", "经费", "万元", "12", "越小越好", null, "37")).points()).isEqualByComparingTo("1.62");
    }

    @Test
    void zeroTargetsNeverDivideByZero() {
        // larger is better, target 0: full for any actual ≥ 0
        for (String actual : new String[]{"0", "0.00", "5", "1E+14"}) {
            assertThat(one("5", quantitative("a", "零目标", "个", "0", "越大越好", null, actual)).points()).as(actual)
                    .isEqualByComparingTo("5");
        }
        assertThat(one("5", quantitative("a", "零目标", "个", "0", "越大越好", null, "-1")).points()).isEqualByComparingTo("0");
        // smaller is better, target 0: full only when the actual is 0
        assertThat(one("5", quantitative("a", "零目标", "起", "0", "越小越好", null, "0")).points()).isEqualByComparingTo("5");
        TargetResult over = one("5", quantitative("a", "安全事故", "起", "0.0", "越小越好", null, "0.5"));
        assertThat(over.points()).isEqualByComparingTo("0");
        assertThat(over.explanation()).contains("目标值为 0 而实际值大于 0，计 0 分");
        assertThat(over.rule()).contains("目标值为 0，实际值为 0 得满分，否则 0 分");
        // 等于 with target 0
        assertThat(one("5", quantitative("a", "零目标", "个", "0", "等于", null, "1")).points()).isEqualByComparingTo("0");
        assertThat(one("5", quantitative("a", "零目标", "个", "0", "等于", null, "0")).points()).isEqualByComparingTo("5");
    }

    @Test
    void equalIsFullWhenEqualElseByTheRelativeDeviation() {
        assertThat(one("5", quantitative("a", "完成率", "%", "100", "等于", null, "100")).explanation())
                .contains("等于目标值，得满分 5 分");
        TargetResult below = one("5", quantitative("a", "完成率", "%", "100", "等于", null, "90"));
        // 5 × (1 − |90 − 100| / 100) = 4.5
        assertThat(below.points()).isEqualByComparingTo("4.5");
        assertThat(below.explanation()).contains("偏离目标值 10%").contains("(1 − |实际 − 目标| / |目标|) × 分值计 4.5 分");
        // above by as much: the same
        assertThat(one("5", quantitative("a", "完成率", "%", "100", "等于", null, "110")).points()).isEqualByComparingTo("4.5");
        // more than 100 % away: 0, never negative
        assertThat(one("5", quantitative("a", "完成率", "%", "100", "等于", null, "250")).points()).isEqualByComparingTo("0");
    }

    @Test
    void qualitativeTargetsByTheirBand() {
        TargetResult reached = one("5", qualitative("Q1", "产出", null, "达成", "90"));
        assertThat(reached.points()).isEqualByComparingTo("4.5");
        assertThat(reached.explanation()).contains("评定为达成（80%–100%），按 90% × 分值 5 分计 4.5 分")
                .contains("目标：机制有效运行（定性）").contains("完成情况：按计划推进");
        TargetResult partly = one("5", qualitative("Q1", "产出", null, "部分达成", "70"));
        assertThat(partly.points()).isEqualByComparingTo("3.5");
        assertThat(partly.explanation()).contains("评定为部分达成（60%–80%）");
        TargetResult not = one("5", qualitative("Q1", "产出", null, "未达成", "30"));
        assertThat(not.points()).isEqualByComparingTo("1.5");
        assertThat(not.explanation()).contains("评定为未达成（0–60%）");
        assertThat(not.achievement()).isEqualTo("未达成");
        assertThat(not.achievementPercent()).isEqualByComparingTo("30");
    }

    @Test
    void aTargetWithoutActualIsMissingAndTheLeafSumsTheOthers() {
        Target scored = quantitative("CC-03", "城镇新增就业人数", "人", "315", "越大越好", "6", "315");
        Target none = quantitative("CC-08", "危房改造按期完工率", "%", "100", "越大越好", "4");
        IndicatorResult r = score(leaf("产出", "targetTable", "10"), scored, none);
        assertThat(r.status()).isEqualTo(Status.MISSING_DATA);
        assertThat(r.points()).isEqualByComparingTo("6");
        assertThat(r.explanation()).contains("其中 1 个缺少完成值（危房改造按期完工率）").contains("已计分的 1 个目标合计 6 分");
        assertThat(r.targets()).extracting(TargetResult::status).containsExactly(Status.SCORED, Status.MISSING_DATA);
        assertThat(r.targets().get(1).points()).isNull();
        assertThat(r.targets().get(1).explanation()).isEqualTo("危房改造按期完工率：目标值 100 %（越大越好），未填报完成值，暂不能计分");

        ScoreResult whole = Scorer.score(system(leaf("产出", "targetTable", "10")), Map.of(), Map.of(), List.of(scored, none));
        assertThat(whole.complete()).isFalse();
        assertThat(whole.total()).isEqualByComparingTo("6");
        ScoreBasis basis = ScoreBasis.of(system(leaf("产出", "targetTable", "10")), whole,
                new BudgetUnitYearChanged.Period(false, 7));
        assertThat(basis.label()).isEqualTo("预计得分（截至7月）");
        assertThat(basis.missing()).containsExactly(new ScoreBasis.Missing("Y1", "危房改造按期完工率",
                "产出指标：缺少目标“危房改造按期完工率”的完成值（截至目前未填报）"));
    }

    @Test
    void noTargetOfTheCategoryIsMissingData() {
        IndicatorResult r = score(leaf("产出", "targetTable", "50"), qualitative("Q1", "效益", "5", "达成", "90"));
        assertThat(r.status()).isEqualTo(Status.MISSING_DATA);
        assertThat(r.points()).isNull();
        assertThat(r.targets()).isEmpty();
        assertThat(r.explanation()).isEqualTo("产出指标：未填报产出类绩效目标，暂不能计分");
        IndicatorSystem s = system(leaf("产出", "targetTable", "50"));
        ScoreResult nothing = Scorer.score(s, Map.of(), Map.of(), null);
        assertThat(nothing.indicators().get(0).status()).isEqualTo(Status.MISSING_DATA);
        assertThat(ScoreBasis.of(s, nothing, new BudgetUnitYearChanged.Period(true, 12)).missing())
                .containsExactly(new ScoreBasis.Missing("Y1", "产出类绩效目标", "产出指标：未填报产出类绩效目标"));
    }

    @Test
    void targetTableWeightsAreScaledToTheLeafsPoints() {
        // weights 2 and 3 → shares 50 × 2/5 = 20 and 50 × 3/5 = 30
        Target a = quantitative("A", "甲", "个", "10", "越大越好", "2", "5");
        Target b = quantitative("B", "乙", "个", "10", "越大越好", "3", "10");
        IndicatorResult r = score(leaf("产出", "targetTable", "50"), a, b);
        assertThat(r.targets()).extracting(TargetResult::maxPoints).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("30"));
        // 20 × 5/10 + 30 = 40
        assertThat(r.points()).isEqualByComparingTo("40");
        assertThat(r.status()).isEqualTo(Status.SCORED);
        assertThat(r.explanation()).contains("权重合计 5，按比例折为 50 分").contains("各目标得分合计 40 分（满分 50 分）");
        // a target without a weight counts with the mean weight of the others: 2, 4, (3) → 10 × 2/9, 4/9, 3/9
        Target c = quantitative("C", "丙", "个", "10", "越大越好", null, "10");
        Target d = quantitative("D", "丁", "个", "10", "越大越好", "4", "10");
        IndicatorResult mixed = score(leaf("产出", "targetTable", "10"), a, d, c);
        assertThat(mixed.targets()).extracting(TargetResult::maxPoints).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2.22"), new BigDecimal("4.44"), new BigDecimal("3.33"));
        assertThat(mixed.explanation()).contains("丙 未设权重，按本类已设权重的平均值 3 计");
        // 甲 reaches half its target: 10 × 2/9 × 1/2 + 10 × 4/9 + 10 × 3/9 = 10/9 + 40/9 + 30/9 = 80/9 = 8.888… → 8.89
        assertThat(mixed.points()).isEqualByComparingTo("8.89");
        // no weight at all: evenly
        IndicatorResult unweighted = score(leaf("产出", "targetTable", "10"),
                quantitative("E", "戊", "个", "10", "越大越好", null, "10"),
                quantitative("F", "己", "个", "10", "越大越好", null, "0"));
        assertThat(unweighted.points()).isEqualByComparingTo("5");
        assertThat(unweighted.explanation()).contains("目标表未设权重，分值平均分配");
    }

    @Test
    void evenSharesGiveFullPointsWhenEveryTargetIsMet() {
        Target a = quantitative("A", "甲", "个", "10", "越大越好", "9", "10");
        Target b = quantitative("B", "乙", "个", "10", "越大越好", "1", "10");
        Target c = quantitative("C", "丙", "个", "10", "越大越好", null, "10");
        IndicatorResult r = score(leaf("产出", "even", "50"), a, b, c);
        // 50 / 3 = 16.666… each (weights ignored), shown 16.67; all met: the full 50, not 50.01 or 49.99
        assertThat(r.targets()).extracting(TargetResult::maxPoints).usingElementComparator(BigDecimal::compareTo)
                .containsOnly(new BigDecimal("16.67"));
        assertThat(r.points()).isEqualByComparingTo("50");
        assertThat(r.explanation()).contains("与各目标两位小数得分之和 50.01 分略有差异");
        IndicatorResult r10 = score(leaf("产出", "even", "10"), a, b, c);
        assertThat(r10.points()).isEqualByComparingTo("10");
    }

    /** Any actual, target and direction: a target's points within [0, its share], the leaf within [0, its maximum]. */
    @Test
    void pointsAreNeverAboveTheShareNorNegative() {
        Random random = new Random(16);
        String[] directions = {"越大越好", "越小越好", "等于"};
        String[] figures = {"0", "-0.5", "1", "3", "10", "12.5", "-12", "1E+14", "1E-10", "42906", "99.99"};
        for (int i = 0; i < 2000; i++) {
            List<Target> targets = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            for (int k = 0; k < n; k++) {
                if (random.nextInt(6) == 0) {
                    String[] bands = {"达成", "部分达成", "未达成"};
                    int band = random.nextInt(3);
                    int percent = band == 0 ? 80 + random.nextInt(21) : band == 1 ? 60 + random.nextInt(21) : random.nextInt(61);
                    targets.add(qualitative("Q" + k, "产出", random.nextBoolean() ? null : String.valueOf(random.nextInt(9)),
                            bands[band], String.valueOf(percent)));
                } else {
                    targets.add(quantitative("T" + k, "目标" + k, "个", figures[random.nextInt(figures.length)],
                            directions[random.nextInt(3)], random.nextBoolean() ? null : String.valueOf(random.nextInt(9)),
                            figures[random.nextInt(figures.length)]));
                }
            }
            String max = String.valueOf(1 + random.nextInt(60));
            IndicatorResult r = score(leaf("产出", random.nextBoolean() ? "even" : "targetTable", max),
                    targets.toArray(Target[]::new));
            assertThat(r.status()).as(targets.toString()).isEqualTo(Status.SCORED);
            assertThat(r.points()).as(targets.toString()).isBetween(BigDecimal.ZERO, new BigDecimal(max));
            for (TargetResult t : r.targets()) {
                assertThat(t.points()).as(t.explanation()).isBetween(BigDecimal.ZERO, t.maxPoints());
                assertThat(t.explanation()).containsPattern("\\p{IsHan}").doesNotContain("null").doesNotContain("E+");
            }
        }
    }

    @Test
    void theValidatorAcceptsFromTargetsAndNamesTheFieldOfEveryMistake() {
        assertThat(SystemValidator.validate(system(leaf("效益", "even", "30")), Set.of())).isEmpty();
        assertThat(SystemValidator.validate(system(leaf("投入", "weighted", "30")), Set.of()))
                .extracting(SystemValidator.Violation::field)
                .containsExactly("groups[0].children[0].fromTargets.level1", "groups[0].children[0].fromTargets.weights");
        assertThat(SystemValidator.validate(system(leaf(null, null, "30")), Set.of()))
                .extracting(SystemValidator.Violation::message).allMatch(m -> m.startsWith("必填"));
        Node both = new Node("Y1", "产出指标", BigDecimal.TEN, null, null, null, null, null, null, true, null,
                new FromTargets("产出", "even"));
        assertThat(SystemValidator.validate(system(both), Set.of())).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("groups[0].children[0].fromTargets"))
                .satisfies(v -> assertThat(v.message()).contains("不能同时有公式、计分规则或由评价人评分"));
        Node withFormula = new Node("Y1", "产出指标", BigDecimal.TEN, null, null, "totalActual", null, null,
                new Rule.PassFail(), false, null, new FromTargets("产出", "even"));
        assertThat(SystemValidator.validate(system(withFormula), Set.of("totalActual")))
                .extracting(SystemValidator.Violation::field).containsExactly("groups[0].children[0].fromTargets");
        Node group = new Node("Y", "产出", BigDecimal.TEN, null, List.of(leaf("产出", "even", "10")), null, null, null,
                null, false, null, new FromTargets("产出", "even"));
        IndicatorSystem s = new IndicatorSystem("t", 1, "测试", null,
                List.of(new GradeBand("优", BigDecimal.ZERO, true, null, false)), List.of(group));
        assertThat(SystemValidator.validate(s, Set.of())).extracting(SystemValidator.Violation::field)
                .containsExactly("groups[0].fromTargets");
    }
}
