package cn.perfeval.scoring.domain;

import cn.perfeval.scoring.domain.IndicatorSystem.Node;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A zero divisor of any scale makes the indicator NOT_COMPUTABLE with a Chinese reason; it never
 * throws. (0 元 converted to 万元 is 0.0000, which EvalEx's own check let through to
 * BigDecimal.divide, and the exception stopped the consumer for every unit of the county.)
 */
class ZeroDivisorTest {

    static final Node CONTROL_RATE = new Node("A3", "项目支出预算控制率", new BigDecimal("5"), null, null,
            "projectActual / projectBudget * 100", "%", 2,
            new Rule.Proportional(new BigDecimal("100")), false, null);

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.0000", "0E-10", "-0.00", "0E+5"})
    void anyZeroDivisorIsNotComputableWithAReason(String zero) {
        IndicatorResult r = Scorer.scoreLeaf(CONTROL_RATE, "预算执行",
                Map.of("projectActual", new BigDecimal("860"), "projectBudget", new BigDecimal(zero)));
        assertThat(r.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(r.points()).isNull();
        assertThat(r.explanation()).contains("项目支出预算控制率").contains("除数为零");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0001", "1E-30", "1714.31"})
    void aNonZeroDivisorStillScores(String divisor) {
        IndicatorResult r = Scorer.scoreLeaf(CONTROL_RATE, "预算执行",
                Map.of("projectActual", new BigDecimal("860"), "projectBudget", new BigDecimal(divisor)));
        assertThat(r.status()).isEqualTo(Status.SCORED);
        assertThat(r.points()).isNotNull();
    }
}
