package cn.perfeval.scoring.domain;

import cn.perfeval.scoring.domain.IndicatorSystem.Node;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule shape at and around its boundaries, and the restricted expression language. */
class RuleShapesTest {

    static final BigDecimal FIVE = new BigDecimal("5");

    static BigDecimal apply(Rule rule, String value, String max) {
        return rule.apply(new BigDecimal(value), new BigDecimal(max)).points();
    }

    @Test
    void bandsHonourOpenAndClosedEnds() {
        Rule.Bands r = new Rule.Bands(List.of(
                new Rule.Bands.Band(null, false, BigDecimal.ZERO, true, FIVE),
                new Rule.Bands.Band(BigDecimal.ZERO, false, BigDecimal.TEN, false, new BigDecimal("3")),
                new Rule.Bands.Band(BigDecimal.TEN, true, null, false, BigDecimal.ZERO)));
        assertThat(apply(r, "-1", "5")).isEqualByComparingTo("5");
        assertThat(apply(r, "0", "5")).isEqualByComparingTo("5");
        assertThat(apply(r, "0.0001", "5")).isEqualByComparingTo("3");
        assertThat(apply(r, "9.9999", "5")).isEqualByComparingTo("3");
        assertThat(apply(r, "10", "5")).isEqualByComparingTo("0");
        assertThat(r.apply(new BigDecimal("10"), FIVE).applied()).isEqualTo("在区间 [10, +∞) 内，得 0 分");
    }

    @Test
    void deductionCountsEveryStartedUnitAndStopsAtTheFloor() {
        Rule.Deduction above = new Rule.Deduction(new BigDecimal("100"), Rule.Deduction.Direction.above,
                BigDecimal.ONE, new BigDecimal("0.5"), null);
        assertThat(apply(above, "100", "5")).isEqualByComparingTo("5");
        assertThat(apply(above, "100.01", "5")).isEqualByComparingTo("4.5");
        assertThat(apply(above, "101", "5")).isEqualByComparingTo("4.5");
        assertThat(apply(above, "101.5", "5")).isEqualByComparingTo("4");
        assertThat(apply(above, "200", "5")).isEqualByComparingTo("0");
        Rule.Deduction below = new Rule.Deduction(new BigDecimal("100"), Rule.Deduction.Direction.below,
                FIVE, new BigDecimal("2"), new BigDecimal("1"));
        assertThat(apply(below, "100", "10")).isEqualByComparingTo("10");
        assertThat(apply(below, "95", "10")).isEqualByComparingTo("8");
        assertThat(apply(below, "94.99", "10")).isEqualByComparingTo("6");
        assertThat(apply(below, "0", "10")).isEqualByComparingTo("1");
        assertThat(below.apply(new BigDecimal("95"), BigDecimal.TEN).applied())
                .isEqualTo("低于 100 5，每 5 扣 2 分，扣 2 分，得 8 分");
    }

    @Test
    void proportionalIsCappedAtTheMaximumAndNeverNegative() {
        Rule.Proportional r = new Rule.Proportional(new BigDecimal("100"));
        assertThat(apply(r, "83.33", "10")).isEqualByComparingTo("8.33");
        assertThat(apply(r, "100", "10")).isEqualByComparingTo("10");
        assertThat(apply(r, "120", "10")).isEqualByComparingTo("10");
        assertThat(apply(r, "-5", "10")).isEqualByComparingTo("0");
        assertThat(apply(r, "0", "10")).isEqualByComparingTo("0");
    }

    @Test
    void passFailOnAComparison() {
        Node leaf = new Node("P", "达标", BigDecimal.TEN, null, null, "threePublicActual <= threePublicBudget", null, null,
                new Rule.PassFail(), false, null);
        IndicatorSystem s = new IndicatorSystem("t", 1, "t", null, List.of(), List.of(
                new Node("G", "g", BigDecimal.TEN, null, List.of(leaf), null, null, null, null, false, null)));
        assertThat(Scorer.score(s, Map.of("threePublicActual", new BigDecimal("12"), "threePublicBudget", new BigDecimal("12")))
                .indicators().get(0).points()).isEqualByComparingTo("10");
        assertThat(Scorer.score(s, Map.of("threePublicActual", new BigDecimal("12.01"), "threePublicBudget", new BigDecimal("12")))
                .indicators().get(0).points()).isEqualByComparingTo("0");
    }

    @Test
    void aValueOutsideEveryBandIsNotComputableRatherThanGuessed() {
        Rule.Bands bands = new Rule.Bands(List.of(new Rule.Bands.Band(BigDecimal.ZERO, true, null, false, FIVE)));
        Node leaf = new Node("B", "结余", FIVE, null, null, "yearEndBalance", "万元", 2, bands, false, null);
        IndicatorSystem s = new IndicatorSystem("t", 1, "t", null, List.of(), List.of(
                new Node("G", "g", FIVE, null, List.of(leaf), null, null, null, null, false, null)));
        ScoreResult.IndicatorResult r = Scorer.score(s, Map.of("yearEndBalance", new BigDecimal("-1"))).indicators().get(0);
        assertThat(r.status()).isEqualTo(ScoreResult.Status.NOT_COMPUTABLE);
        assertThat(r.points()).isNull();
        assertThat(r.explanation()).isEqualTo("结余 = 年末结余 = -1.00 万元，不在评分规则的任何分档内，无法计分");
    }

    @Test
    void formulasReachOnlyArithmeticComparisonsAndTheWhitelist() {
        Set<String> measures = Set.of("basicActual", "basicBudget");
        assertThat(problems("IF(basicActual > basicBudget, MAX(basicActual - basicBudget, 0), ROUND(ABS(-basicActual), 2))", measures))
                .isEmpty();
        assertThat(problems("MIN(basicActual, basicBudget) / basicBudget * 100 >= 90 && !(basicActual = 0)", measures)).isEmpty();
        assertThat(problems("SQRT(basicActual)", measures)).singleElement().asString().contains("无法解析");
        assertThat(problems("DT_NOW()", measures)).singleElement().asString().contains("无法解析");
        assertThat(problems("STR_UPPER(\"x\")", measures)).singleElement().asString().contains("无法解析");
        assertThat(problems("basicActual ^ 2", measures)).singleElement().asString().contains("无法解析");
        assertThat(problems("basicActual[0]", measures)).singleElement().asString().contains("无法解析");
        assertThat(problems("PI * basicActual", measures)).singleElement().asString().contains("未知的度量 'PI'");
        assertThat(problems("basicactual / basicBudget", measures)).singleElement().asString().contains("未知的度量 'basicactual'");
    }

    private static List<String> problems(String formula, Set<String> measures) {
        Node leaf = new Node("L", "l", BigDecimal.TEN, null, null, formula, null, null, new Rule.PassFail(), false, null);
        IndicatorSystem s = new IndicatorSystem("t", 1, "t", null,
                List.of(new IndicatorSystem.GradeBand("x", null, false, null, false)),
                List.of(new Node("G", "g", BigDecimal.TEN, null, List.of(leaf), null, null, null, null, false, null)));
        return SystemValidator.validate(s, measures).stream().map(v -> v.field() + ": " + v.message()).toList();
    }
}
