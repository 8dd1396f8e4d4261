package cn.perfeval.scoring.domain;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped systems are valid against the measure dictionary; the 2020 table scores execution as 10 × 执行率. */
class ShippedSystemsTest {

    /** A shipped system by code ({@code systems/<code>.json}) or an earlier version ({@code earlier/<code>.v<N>}). */
    static IndicatorSystem load(String code) throws Exception {
        try (InputStream in = ShippedSystemsTest.class.getResourceAsStream("/systems/" + code + ".json")) {
            return new ObjectMapper().readValue(in, IndicatorSystem.class);
        }
    }

    static Set<String> measures() {
        return Measures.names();
    }

    @Test
    void everyShippedSystemIsValid() throws Exception {
        assertThat(measures()).hasSize(30).contains("carryOverBalanceLastYear", "fixedAssetsInUse");
        for (String code : new String[]{"xiangtan-county", "national-common", "self-evaluation-2020",
                "earlier/self-evaluation-2020.v1"}) {
            IndicatorSystem s = load(code);
            assertThat(SystemValidator.validate(s, measures())).as(code).isEmpty();
            assertThat(s.groups().stream().map(IndicatorSystem.Node::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(code).isEqualByComparingTo("100");
        }
    }

    /** What administrators and dashboards read of a shipped system (GET /api/v1/systems) is Chinese, not English prose. */
    @Test
    void everyShippedSystemSpeaksChinese() throws Exception {
        java.util.regex.Pattern english = java.util.regex.Pattern.compile("[A-Za-z]{2,}\\s+[A-Za-z]{2,}");
        for (String code : new String[]{"xiangtan-county", "national-common", "self-evaluation-2020",
                "earlier/self-evaluation-2020.v1"}) {
            try (InputStream in = ShippedSystemsTest.class.getResourceAsStream("/systems/" + code + ".json")) {
                java.util.List<String> texts = new java.util.ArrayList<>();
                new ObjectMapper().readTree(in).findParents("name").forEach(n -> {
                    texts.add(n.path("name").asText());
                    texts.add(n.path("description").asText());
                });
                assertThat(texts).as(code).isNotEmpty().noneMatch(t -> english.matcher(t).find());
            }
        }
    }

    @Test
    void selfEvaluationScoresExecutionAsTenTimesTheRate() throws Exception {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("totalActual", new BigDecimal("4413"));
        m.put("adjustedBudget", new BigDecimal("5295.65"));
        // version 1: the rest judged
        ScoreResult r = Scorer.score(load("earlier/self-evaluation-2020.v1"), m);
        IndicatorResult x1 = r.indicators().get(0);
        assertThat(x1.displayValue()).isEqualByComparingTo("83.33");
        assertThat(x1.points()).isEqualByComparingTo("8.33");
        assertThat(r.indicators()).extracting(IndicatorResult::status).containsExactly(Status.SCORED,
                Status.AWAITING_JUDGEMENT, Status.AWAITING_JUDGEMENT, Status.AWAITING_JUDGEMENT);
        assertThat(r.complete()).isFalse();
    }

    /** Version 2: the execution rate as before, 产出 50, 效益 30 and 满意度 10 from the unit's targets by the target table's weights. */
    @Test
    void selfEvaluationVersionTwoScoresTheRestFromTargets() throws Exception {
        IndicatorSystem v2 = load("self-evaluation-2020");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.leaves()).extracting(IndicatorSystem.Node::code).containsExactly("X1", "Y1", "Z1", "S1");
        assertThat(v2.leaves().subList(1, 4)).extracting(l -> l.fromTargets().level1()).containsExactly("产出", "效益", "满意度");
        assertThat(v2.leaves().subList(1, 4)).allMatch(l -> l.fromTargets().weights().equals("targetTable") && !l.judged());
        IndicatorSystem v1 = load("earlier/self-evaluation-2020.v1");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.leaves().get(0)).isEqualTo(v2.leaves().get(0));
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("totalActual", new BigDecimal("4413"));
        m.put("adjustedBudget", new BigDecimal("5295.65"));
        ScoreResult r = Scorer.score(v2, m);
        assertThat(r.indicators()).extracting(IndicatorResult::status).containsExactly(Status.SCORED,
                Status.MISSING_DATA, Status.MISSING_DATA, Status.MISSING_DATA);
        assertThat(r.indicators().get(1).explanation()).isEqualTo("产出指标：未填报产出类绩效目标，暂不能计分");
        assertThat(r.total()).isEqualByComparingTo("8.33");
    }
}
