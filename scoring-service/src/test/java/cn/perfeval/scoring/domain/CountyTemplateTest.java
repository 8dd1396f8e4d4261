package cn.perfeval.scoring.domain;

import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The county template on the golden case's figures gives the points the report publishes. */
class CountyTemplateTest {

    static final Map<String, BigDecimal> GOLDEN_MEASURES = Map.of(
            "yearStartBudget", new BigDecimal("4988.65"),
            "basicBudget", new BigDecimal("3274.34"),
            "projectBudget", new BigDecimal("1714.31"),
            "adjustmentNet", new BigDecimal("307"),
            "basicActual", new BigDecimal("3553"),
            "projectActual", new BigDecimal("860"),
            "yearEndBalance", new BigDecimal("0"),
            "threePublicBudget", new BigDecimal("12"),
            "threePublicActual", new BigDecimal("0"));

    static IndicatorSystem countyTemplate() throws Exception {
        try (InputStream in = CountyTemplateTest.class.getResourceAsStream("/systems/xiangtan-county.json")) {
            return new ObjectMapper().readValue(in, IndicatorSystem.class);
        }
    }

    @Test
    void computedIndicatorsOfTheGoldenCase() throws Exception {
        ScoreResult r = Scorer.score(countyTemplate(), GOLDEN_MEASURES);
        Map<String, IndicatorResult> byName = r.indicators().stream()
                .collect(Collectors.toMap(IndicatorResult::name, Function.identity()));

        assertThat(byName.get("预算调整率").displayValue()).isEqualByComparingTo("6.15");
        assertThat(byName.get("预算调整率").points()).isEqualByComparingTo("4");
        assertThat(byName.get("基本支出预算控制率").displayValue()).isEqualByComparingTo("108.51");
        assertThat(byName.get("基本支出预算控制率").points()).isEqualByComparingTo("4");
        assertThat(byName.get("基本支出预算控制率").explanation())
                .isEqualTo("基本支出预算控制率 = 基本支出实际支出数 / 基本支出年初预算数 × 100 = 3553 / 3274.34 × 100 = 108.51 %，在区间 (100, 110] 内，得 4 分");
        assertThat(byName.get("年末结余").explanation()).isEqualTo("年末结余 = 0.00 万元，在区间 [0, 0] 内，得 5 分");
        // workings and rule texts name measures by their Chinese labels: no identifier of a formula
        assertThat(r.indicators()).allSatisfy(i -> {
            assertThat(i.explanation()).as(i.code()).doesNotContainPattern("[A-Za-z]{2,}");
            assertThat(i.rule()).as(i.code()).doesNotContainPattern("[A-Za-z]{2,}");
        });
        assertThat(byName.get("项目支出预算控制率").displayValue()).isEqualByComparingTo("50.17");
        assertThat(byName.get("项目支出预算控制率").points()).isEqualByComparingTo("5");
        assertThat(byName.get("年末结余").points()).isEqualByComparingTo("5");
        assertThat(byName.get("三公经费控制率").displayValue()).isEqualByComparingTo("0");
        assertThat(byName.get("三公经费控制率").points()).isEqualByComparingTo("5");
        assertThat(byName.get("分项目核算结余结转").status()).isEqualTo(Status.AWAITING_JUDGEMENT);

        // computed points only: 4 + 4 + 5 + 5 + 5; the judged 70 points await judgement
        assertThat(r.total()).isEqualByComparingTo("23");
        assertThat(r.maxTotal()).isEqualByComparingTo("100");
        assertThat(r.complete()).isFalse();
        assertThat(r.groups()).extracting(ScoreResult.GroupResult::name).containsExactly("预算执行", "预算管理", "资产管理", "产出效果");
        assertThat(r.groups().get(0).points()).isEqualByComparingTo("23");
    }

    @Test
    void missingDataAndZeroDivisorsAreReportedNotGuessed() throws Exception {
        ScoreResult r = Scorer.score(countyTemplate(), Map.of(
                "basicActual", new BigDecimal("10"), "basicBudget", BigDecimal.ZERO));
        IndicatorResult basic = r.indicators().stream().filter(i -> i.code().equals("A2")).findFirst().orElseThrow();
        assertThat(basic.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(basic.points()).isNull();
        IndicatorResult adjustment = r.indicators().stream().filter(i -> i.code().equals("A1")).findFirst().orElseThrow();
        assertThat(adjustment.status()).isEqualTo(Status.MISSING_DATA);
        assertThat(adjustment.explanation()).isEqualTo("预算调整率：缺少数据 预算调整数、年初预算数，暂不能计算");
        assertThat(basic.explanation()).isEqualTo("基本支出预算控制率：按现有数据无法计算（除数为零）");
    }

    @Test
    void bandBoundariesFollowTheirOpenAndClosedEnds() throws Exception {
        IndicatorSystem s = countyTemplate();
        assertThat(points(s, "A2", "100", "100")).isEqualByComparingTo("5");   // [.., 100] closed
        assertThat(points(s, "A2", "100.01", "100")).isEqualByComparingTo("4"); // (100, 110]
        assertThat(points(s, "A2", "110", "100")).isEqualByComparingTo("4");
        assertThat(points(s, "A2", "110.0001", "100")).isEqualByComparingTo("3");
        assertThat(points(s, "A2", "141", "100")).isEqualByComparingTo("0");
    }

    @Test
    void deductionPerStartedPointAboveTheThreshold() throws Exception {
        IndicatorSystem s = countyTemplate();
        Map<String, BigDecimal> m = Map.of("threePublicActual", new BigDecimal("10.3"), "threePublicBudget", BigDecimal.TEN);
        IndicatorResult r = Scorer.score(s, m).indicators().stream().filter(i -> i.code().equals("A6")).findFirst().orElseThrow();
        // 103 % is 3 points above 100 %: 3 × 0.5 deducted
        assertThat(r.points()).isEqualByComparingTo("3.5");
        Map<String, BigDecimal> far = Map.of("threePublicActual", new BigDecimal("50"), "threePublicBudget", BigDecimal.TEN);
        assertThat(Scorer.score(s, far).indicators().stream().filter(i -> i.code().equals("A6")).findFirst().orElseThrow()
                .points()).isEqualByComparingTo("0");
    }

    @Test
    void gradesFollowTheNationalBands() throws Exception {
        IndicatorSystem s = countyTemplate();
        assertThat(s.gradeOf(new BigDecimal("93"))).isEqualTo("优");
        assertThat(s.gradeOf(new BigDecimal("90"))).isEqualTo("优");
        assertThat(s.gradeOf(new BigDecimal("89.99"))).isEqualTo("良");
        assertThat(s.gradeOf(new BigDecimal("60"))).isEqualTo("中");
        assertThat(s.gradeOf(new BigDecimal("59.5"))).isEqualTo("差");
    }

    private static BigDecimal points(IndicatorSystem s, String code, String actual, String budget) {
        return Scorer.score(s, Map.of("basicActual", new BigDecimal(actual), "basicBudget", new BigDecimal(budget)))
                .indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().points();
    }
}
