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
        for (String code : new String[]{"xiangtan-county", "national-common", "self-evaluation-2020"}) {
            IndicatorSystem s = load(code);
            assertThat(SystemValidator.validate(s, measures())).as(code).isEmpty();
            assertThat(s.groups().stream().map(IndicatorSystem.Node::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(code).isEqualByComparingTo("100");
        }
    }

    @Test
    void selfEvaluationScoresExecutionAsTenTimesTheRate() throws Exception {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("totalActual", new BigDecimal("4413"));
        m.put("adjustedBudget", new BigDecimal("5295.65"));
        ScoreResult r = Scorer.score(load("self-evaluation-2020"), m);
        IndicatorResult x1 = r.indicators().get(0);
        assertThat(x1.displayValue()).isEqualByComparingTo("83.33");
        assertThat(x1.points()).isEqualByComparingTo("8.33");
        assertThat(r.indicators()).extracting(IndicatorResult::status).containsExactly(Status.SCORED,
                Status.AWAITING_JUDGEMENT, Status.AWAITING_JUDGEMENT, Status.AWAITING_JUDGEMENT);
        assertThat(r.complete()).isFalse();
    }
}
